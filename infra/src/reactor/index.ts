export {
  Reactor,
  isFinalRefusal,
  liftReactedEvent,
  reactionTo,
  reactorProvider,
  type Reaction,
  type ReactorSpec,
} from './reactor';
