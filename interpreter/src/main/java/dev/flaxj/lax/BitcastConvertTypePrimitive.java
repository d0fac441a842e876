package dev.flaxj.lax;

import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import java.util.List;

/**
 * {@code bitcast_convert_type[new_dtype]}: reinterprets each element's bits as another dtype of
 * the same width (float32, int32 and uint32 among each other). The result is never weak.
 */
final class BitcastConvertTypePrimitive extends ElementwisePrimitive {
  BitcastConvertTypePrimitive() {
    super("bitcast_convert_type");
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
    requireOperands(in, 1);
    requireDType(in, 0, DTypeSet.ANY);
    ShapedArray x = in.get(0);
    DType target = params.getDType("new_dtype");
    if (!DTypeSet.ANY.contains(target) || target.itemSize() != x.dtype().itemSize()) {
      throw error("cannot convert " + x.str() + " from " + x.dtype() + " of "
          + 8 * x.dtype().itemSize() + " bits to " + target + " of " + 8 * target.itemSize()
          + " bits; only equal widths are supported");
    }
    return List.of(x.withDType(target, false));
  }
}
