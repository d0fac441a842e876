package dev.flaxj.backend;

import dev.flaxj.array.Array;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.Params;
import java.util.List;

/** The computation of one primitive on one backend. */
@FunctionalInterface
public interface Kernel {
  List<Array> apply(List<Array> inputs, Params params, List<ShapedArray> outAvals);
}
