package dev.flaxj.transform.batching;

import static dev.flaxj.lax.ElementwisePrimitives.*;
import static dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Primitive;
import java.util.List;

/**
 * Batching of the elementwise primitives: the operands are brought to one batch dimension (the
 * first mapped full-rank operand's, so that it is not moved) and the primitive is applied once.
 * Unmapped operands are broadcast, since lax operands must agree in shape; an operand that is a
 * scalar where the others are not (select_n's {@code which}, clamp's bounds, threefry's key
 * words) stays a scalar when unmapped and is broadcast to the full batched shape when mapped.
 */
final class ElementwiseBatching {
  private ElementwiseBatching() {}

  static void register() {
    for (Primitive p : List.of(ADD, SUB, MUL, DIV, REM, POW, MAX, MIN, NEXTAFTER, NEG, ABS, SIGN,
        FLOOR, CEIL, ROUND, EXP, LOG, LOG1P, EXPM1, TANH, LOGISTIC, SQRT, RSQRT, SIN, COS, ERF,
        ERF_INV, INTEGER_POW, EQ, NE, LT, LE, GT, GE, AND, OR, XOR, NOT, SHIFT_LEFT,
        SHIFT_RIGHT_LOGICAL, SHIFT_RIGHT_ARITHMETIC, SELECT_N, CLAMP, CONVERT_ELEMENT_TYPE,
        BITCAST_CONVERT_TYPE)) {
      BatchRules.register(p, rule(p));
    }
  }

  /** The rule of an elementwise primitive {@code p} (any number of operands and outputs). */
  static BatchRule rule(Primitive p) {
    return (args, dims, params, axis) -> {
      int fullRank = 0;
      for (int i = 0; i < dims.length; i++) {
        fullRank = Math.max(fullRank, exampleRank(args.get(i), dims[i]));
      }
      int ref = -1;
      for (int i = 0; i < dims.length && ref < 0; i++) {
        if (dims[i] != NOT_MAPPED && exampleRank(args.get(i), dims[i]) == fullRank) {
          ref = i;
        }
      }
      int target = ref < 0 ? 0 : dims[ref];
      Value[] operands = new Value[dims.length];
      int[] batchedShape = null;
      for (int i = 0; i < dims.length; i++) {
        if (exampleRank(args.get(i), dims[i]) == fullRank) {
          operands[i] = BatchDims.toAxis(args.get(i), dims[i], axis.size(), target);
          batchedShape = operands[i].shape().dims();
        }
      }
      for (int i = 0; i < dims.length; i++) {
        if (operands[i] == null) {
          operands[i] = dims[i] == NOT_MAPPED ? args.get(i)
              : Lax.broadcastInDim(args.get(i), batchedShape, new int[] {target});
        }
      }
      return BatchDims.at(target, Bind.bind(p, params, operands));
    };
  }

  private static int exampleRank(Value x, int bdim) {
    return bdim == NOT_MAPPED ? x.rank() : x.rank() - 1;
  }
}
