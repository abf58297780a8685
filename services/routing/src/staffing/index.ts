export * from './erlang-c';
export * from './erlang-a';
export * from './arrival-forecast';
export { simulateQueue, type SimulationInput, type SimulationResult } from './queue-simulator';
