/**
 * How strongly a WAV (16-bit mono PCM, as `pcapToWav` writes) holds a tone at `hz`, between `fromS`
 * and `toS` seconds: the Goertzel power per sample, normalised by the window's whole power, so 0
 * means absent and values near 1 mean the window is that tone. A side of a recorded call is "there"
 * when its tone stands out in its window.
 */
export function toneShare(wav: Buffer, hz: number, fromS = 0, toS = Infinity): number {
  const rate = wav.readUInt32LE(24);
  const samples = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
  const from = Math.max(0, Math.floor(fromS * rate));
  const to = Math.min(samples.length, Math.floor(toS * rate));
  if (to <= from) return 0;
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / rate);
  let s1 = 0;
  let s2 = 0;
  let total = 0;
  for (let i = from; i < to; i++) {
    const x = samples[i]!;
    total += x * x;
    const s0 = x + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  const n = to - from;
  // A pure tone's Goertzel power is (n/2)^2 A^2/... ; its total energy n A^2 / 2: the ratio is n/2.
  return total === 0 ? 0 : power / total / (n / 2);
}

/** The seconds of audio in a WAV written by `pcapToWav` (8 kHz, 16-bit mono). */
export const wavSeconds = (wav: Buffer): number => (wav.length - 44) / 2 / wav.readUInt32LE(24);

/** The strongest `toneShare` of `hz` over windows of `windowS` seconds (half-overlapping) across the WAV. */
export function peakToneShare(wav: Buffer, hz: number, windowS = 0.5): number {
  let peak = 0;
  for (let from = 0; from + windowS <= wavSeconds(wav); from += windowS / 2)
    peak = Math.max(peak, toneShare(wav, hz, from, from + windowS));
  return peak;
}
