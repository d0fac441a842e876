package dev.flaxj.transform.exec;

import dev.flaxj.array.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * When each buffer of a plan dies: a slot written by a step, or an argument, is freed right after
 * the last step that reads or writes it, unless it is an output of the plan. Constants (in the
 * plan's template) are never freed.
 */
final class Liveness {
  private Liveness() {}

  static int[][] freeAfter(Step[] steps, Value[] template, int[] inSlots, int[] outSlots) {
    int[] last = new int[template.length];
    boolean[] owned = new boolean[template.length];
    for (int slot : inSlots) {
      owned[slot] = true;
    }
    for (int s = 0; s < steps.length; s++) {
      for (int slot : steps[s].inputSlots()) {
        last[slot] = s;
      }
      for (int slot : steps[s].outputSlots()) {
        last[slot] = Math.max(last[slot], s);
        owned[slot] = true;
      }
    }
    for (int slot : outSlots) {
      owned[slot] = false;
    }
    List<List<Integer>> frees = new ArrayList<>();
    for (int s = 0; s < steps.length; s++) {
      frees.add(new ArrayList<>());
    }
    for (int slot = 0; slot < template.length; slot++) {
      if (owned[slot] && template[slot] == null && steps.length > 0) {
        frees.get(last[slot]).add(slot);
      }
    }
    int[][] out = new int[steps.length][];
    for (int s = 0; s < steps.length; s++) {
      out[s] = frees.get(s).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }
}
