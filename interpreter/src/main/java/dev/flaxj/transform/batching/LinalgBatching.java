package dev.flaxj.transform.batching;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.LinalgPrimitives;
import dev.flaxj.lax.Params;
import java.util.List;

/**
 * Batching of {@code qr} by its batched kernel, not a loop: {@code qr} already factors every
 * matrix of the leading dimensions, so a batch among them stays where it is and a batch among
 * the two matrix dimensions moves to the front.
 */
final class LinalgBatching {
  private LinalgBatching() {}

  static void register() {
    BatchRules.register(LinalgPrimitives.QR, LinalgBatching::qr);
  }

  private static BatchResult qr(List<Value> args, int[] dims, Params params, AxisData axis) {
    Value x = args.get(0);
    int d = dims[0] >= x.rank() - 2 ? 0 : dims[0];
    List<Value> qr = Bind.bind(LinalgPrimitives.QR, params, BatchDims.moveaxis(x, dims[0], d));
    return BatchDims.at(d, qr);
  }
}
