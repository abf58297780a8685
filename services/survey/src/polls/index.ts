export {
  parseFrameFile,
  SAMPLING_FRAMES,
  type FrameEntry,
  type ParsedFrame,
  type RejectedLine,
  type SamplingFrame,
} from './sampling-frame';
export { sampleByQuota, systematicSample, type Quota, type QuotaSample } from './systematic-sample';
export { pollRoundDecider } from './poll-round.decider';
export { unitIndices } from './poll-index';
export { pollFrameAggregate } from './poll-frame.decider';
