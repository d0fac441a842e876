package dev.flaxj.transform.custom;

import dev.flaxj.array.Value;
import java.util.List;

/** A custom VJP's forward rule on flat lists: primal inputs to primal outputs and residuals. */
@FunctionalInterface
interface FlatFwd {
  Result apply(List<Value> primals);

  record Result(List<Value> outs, List<Value> residuals) {}
}
