import { crc32, deflateSync } from 'node:zlib';

const WIDTH = 320;
const HEIGHT = 240;
type Rgb = readonly [number, number, number];

/**
 * The demo's web message photo, drawn rather than shipped: a street at night whose lamp is out
 * beside one that is lit, as a citizen would photograph it. A PNG of plain RGB rows (filter 0),
 * so the demo needs no image file or library.
 */
export function demoStreetLampPhoto(): Buffer {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  const paint = (x0: number, y0: number, x1: number, y1: number, colour: (x: number, y: number) => Rgb) => {
    for (let y = Math.max(0, y0); y < Math.min(HEIGHT, y1); y++)
      for (let x = Math.max(0, x0); x < Math.min(WIDTH, x1); x++)
        pixels.set(colour(x, y), (y * WIDTH + x) * 3);
  };
  paint(0, 0, WIDTH, 170, (_x, y) => [12 + y / 10, 18 + y / 8, 48 + y / 5]); // night sky
  paint(0, 170, WIDTH, HEIGHT, (x, y) =>
    y > 200 && y < 204 && x % 40 < 22 ? [200, 190, 120] : [52, 52, 58],
  );
  paint(20, 90, 110, 170, () => [34, 30, 40]); // houses
  paint(200, 70, 300, 170, () => [30, 28, 36]);
  const lamp = (x: number, lit: boolean) => {
    if (lit)
      paint(x - 64, 62, x + 70, 175, (px, py) => {
        const glow = Math.max(0, 1 - Math.abs(px - x - 3) / (10 + (py - 62) / 2));
        return py > 170
          ? [52 + 120 * glow, 52 + 100 * glow, 58 + 40 * glow]
          : [12 + py / 10 + 90 * glow, 18 + py / 8 + 80 * glow, 48 + py / 5 + 40 * glow];
      });
    paint(x, 60, x + 6, 175, () => [70, 72, 78]); // post
    paint(x - 14, 52, x + 20, 62, () => (lit ? [255, 226, 140] : [64, 64, 70])); // head
  };
  lamp(70, true);
  lamp(240, false);
  return png(pixels);
}

function png(pixels: Buffer): Buffer {
  const rows = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++)
    pixels.copy(rows, y * (WIDTH * 3 + 1) + 1, y * WIDTH * 3, (y + 1) * WIDTH * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter choice, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
