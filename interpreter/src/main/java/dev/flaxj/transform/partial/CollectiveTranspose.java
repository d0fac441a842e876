package dev.flaxj.transform.partial;

import static dev.flaxj.lax.CollectivePrimitives.ALL_GATHER;
import static dev.flaxj.lax.CollectivePrimitives.PSUM;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.jvp.Zero;
import java.util.ArrayList;
import java.util.List;

/**
 * Transposes of the linear collectives, with JAX's semantics (checked against jax 0.10.2 under
 * {@code vmap(grad(...), axis_name=...)}). The transpose of {@code psum} is {@code psum} of the
 * cotangents over the same axes: every index's output depends on every index's input. So
 * {@code grad(lambda x: psum(x ** 2, 'i'))} gives {@code 2 * x * axis_size}, and pmean (psum
 * then a division) gives {@code 2 * x}. The transpose of {@code all_gather} is a reduce-scatter:
 * the cotangent summed over the axis, of which each index keeps its own slice.
 */
final class CollectiveTranspose {
  private CollectiveTranspose() {}

  static void register() {
    TransposeRules.register(PSUM, CollectiveTranspose::psum);
    TransposeRules.register(ALL_GATHER, CollectiveTranspose::allGather);
  }

  private static List<Value> psum(List<Value> cts, List<Object> args, Params params) {
    List<Value> out = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Value ct = cts.get(i);
      out.add(!LinearArgs.isLinear(args.get(i)) ? null
          : Zero.is(ct) ? ct : Bind.bind1(PSUM, params, ct));
    }
    return out;
  }

  private static List<Value> allGather(List<Value> cts, List<Object> args, Params params) {
    String name = ALL_GATHER.axisNames(params).get(0);
    int dimension = params.getInt("all_gather_dimension");
    int size = params.getInt("axis_size");
    Value summed = Bind.bind1(PSUM, Params.of("axes", new String[] {name},
        "axis_index_groups", null), cts.get(0));
    int[] sizes = summed.shape().dims();
    Value[] starts = new Value[sizes.length];
    for (int d = 0; d < starts.length; d++) {
      starts[d] = Array.scalar(0);
    }
    Value index = Lax.axisIndex(name);
    boolean tiled = params.getBoolean("tiled");
    int chunk = tiled ? sizes[dimension] / size : 1;
    starts[dimension] = tiled ? Lax.mul(index, Array.scalar(chunk)) : index;
    sizes[dimension] = chunk;
    Value mine = Lax.dynamicSlice(summed, starts, sizes);
    return LinearArgs.list(tiled ? mine : Lax.squeeze(mine, dimension));
  }
}
