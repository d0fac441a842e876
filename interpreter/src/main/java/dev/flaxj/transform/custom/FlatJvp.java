package dev.flaxj.transform.custom;

import dev.flaxj.array.Value;
import java.util.List;

/**
 * A custom JVP rule on flat lists: the primals and (instantiated) tangents of the explicit
 * arguments in; the primal outputs followed by their tangents out.
 */
@FunctionalInterface
interface FlatJvp {
  List<Value> apply(List<Value> primals, List<Value> tangents);
}
