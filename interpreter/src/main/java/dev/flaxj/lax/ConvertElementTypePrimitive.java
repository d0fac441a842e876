package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * {@code convert_element_type[new_dtype, weak_type]}: converts values between any two non-key
 * dtypes, as XLA's convert does (floats to integers truncate toward zero and saturate, NaN gives
 * 0; anything to bool is {@code x != 0}).
 */
final class ConvertElementTypePrimitive extends ElementwisePrimitive {
  ConvertElementTypePrimitive() {
    super("convert_element_type");
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
    requireOperands(in, 1);
    requireDType(in, 0, DTypeSet.ANY);
    DType target = params.getDType("new_dtype");
    if (!DTypeSet.ANY.contains(target)) {
      throw error("cannot convert to " + target + " (got " + describe(in) + ")");
    }
    return List.of(in.get(0).withDType(target, params.getBoolean("weak_type")));
  }
}
