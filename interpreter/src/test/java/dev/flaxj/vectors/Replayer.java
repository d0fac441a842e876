package dev.flaxj.vectors;

/** Replays one recorded case through the flaxj Java API and returns its result. */
@FunctionalInterface
interface Replayer {
  Object replay(CaseArgs args);
}
