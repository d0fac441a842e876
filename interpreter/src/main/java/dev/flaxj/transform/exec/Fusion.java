package dev.flaxj.transform.exec;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.backend.Backend;
import dev.flaxj.backend.Float32Elementwise;
import dev.flaxj.transform.ImplPrimitive;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.JaxprEqn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Turns the flat program into steps, fusing float32 elementwise equations (float32 operands and
 * result, all of one shape, with a float32 loop from {@link Backend#fusibleFloat32}) into
 * {@link FusedStep}s of two or more equations. A group grows in program order; an equation that
 * cannot join it but reads none of its results runs before it (the group runs where its last
 * member stood, so everything its members read is ready), and any other equation closes it.
 * Every equation that does not join a group becomes its own step.
 */
final class Fusion {
  private final List<FlatEqn> flat;
  private final Float32Elementwise[] ops;
  /** Per slot: the flat equations that read it. */
  private final Map<Integer, List<Integer>> readers = new HashMap<>();
  private final Set<Integer> planOutputs = new HashSet<>();
  private final Function<FlatEqn, Step> single;

  Fusion(List<FlatEqn> flat, int[] outSlots, Backend backend, Function<FlatEqn, Step> single) {
    this.flat = flat;
    this.single = single;
    ops = new Float32Elementwise[flat.size()];
    for (int e = 0; e < flat.size(); e++) {
      ops[e] = fusible(flat.get(e).eqn(), backend);
      for (int slot : flat.get(e).inSlots()) {
        readers.computeIfAbsent(slot, k -> new ArrayList<>()).add(e);
      }
    }
    for (int slot : outSlots) {
      planOutputs.add(slot);
    }
  }

  Step[] steps() {
    List<Step> steps = new ArrayList<>();
    List<Integer> group = new ArrayList<>();
    Set<Integer> defined = new HashSet<>();
    for (int e = 0; e < flat.size(); e++) {
      boolean joins = ops[e] != null && (group.isEmpty() || shape(e).equals(shape(group.get(0))));
      if (!joins && ops[e] == null && !group.isEmpty() && !readsAny(e, defined)) {
        steps.add(single.apply(flat.get(e)));
        continue;
      }
      if (!joins) {
        flush(group, steps);
        defined.clear();
        if (ops[e] == null) {
          steps.add(single.apply(flat.get(e)));
          continue;
        }
      }
      group.add(e);
      defined.add(flat.get(e).outSlots()[0]);
    }
    flush(group, steps);
    return steps.toArray(new Step[0]);
  }

  private void flush(List<Integer> group, List<Step> steps) {
    if (group.size() == 1) {
      steps.add(single.apply(flat.get(group.get(0))));
    } else if (group.size() > 1) {
      steps.add(fused(group));
    }
    group.clear();
  }

  private boolean readsAny(int e, Set<Integer> slots) {
    for (int slot : flat.get(e).inSlots()) {
      if (slots.contains(slot)) {
        return true;
      }
    }
    return false;
  }

  private Shape shape(int e) {
    return flat.get(e).eqn().outvars().get(0).aval().shape();
  }

  /** The backend's float32 loop if the equation may join a fused loop, else null. */
  private static Float32Elementwise fusible(JaxprEqn eqn, Backend backend) {
    if (eqn.primitive() instanceof ImplPrimitive || eqn.outvars().size() != 1) {
      return null;
    }
    ShapedArray out = eqn.outvars().get(0).aval();
    if (out.dtype() != DType.FLOAT32) {
      return null;
    }
    for (Atom a : eqn.inputs()) {
      if (a.aval().dtype() != DType.FLOAT32 || !a.aval().shape().equals(out.shape())) {
        return null;
      }
    }
    Float32Elementwise op = backend.fusibleFloat32(eqn.primitive(), eqn.params());
    return op != null && op.arity() == eqn.inputs().size() ? op : null;
  }

  /**
   * The fused step of the group's equations (flat indices, in order). A member's result is
   * written to its slot only when the plan returns it or an equation outside the group reads it.
   */
  private FusedStep fused(List<Integer> members) {
    int count = members.size();
    Set<Integer> inGroup = new HashSet<>(members);
    Map<Integer, Integer> register = new HashMap<>();
    Set<Integer> defined = new HashSet<>();
    List<Integer> inputs = new ArrayList<>();
    for (int e : members) {
      for (int slot : flat.get(e).inSlots()) {
        if (!register.containsKey(slot) && !defined.contains(slot)) {
          register.put(slot, inputs.size());
          inputs.add(slot);
        }
      }
      defined.add(flat.get(e).outSlots()[0]);
    }
    int[] argA = new int[count];
    int[] argB = new int[count];
    Float32Elementwise[] groupOps = new Float32Elementwise[count];
    StringJoiner names = new StringJoiner(",");
    List<Integer> outRegs = new ArrayList<>();
    List<Integer> outSlots = new ArrayList<>();
    List<ShapedArray> outAvals = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      FlatEqn f = flat.get(members.get(k));
      int[] in = f.inSlots();
      groupOps[k] = ops[members.get(k)];
      argA[k] = register.get(in[0]);
      argB[k] = in.length > 1 ? register.get(in[1]) : -1;
      int slot = f.outSlots()[0];
      register.put(slot, inputs.size() + k);
      names.add(f.eqn().primitive().name());
      boolean readOutside = readers.getOrDefault(slot, List.of()).stream().anyMatch(r -> !inGroup.contains(r));
      if (planOutputs.contains(slot) || readOutside) {
        outRegs.add(inputs.size() + k);
        outSlots.add(slot);
        outAvals.add(f.eqn().outvars().get(0).aval());
      }
    }
    return new FusedStep(names.toString(), shape(members.get(0)).size(), ints(inputs), groupOps,
        argA, argB, ints(outRegs), ints(outSlots), outAvals.toArray(new ShapedArray[0]));
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
