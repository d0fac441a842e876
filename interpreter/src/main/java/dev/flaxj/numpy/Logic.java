package dev.flaxj.numpy;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import java.util.function.BinaryOperator;

/** Comparisons, logical ufuncs, {@code where} and {@code clip}, with promotion and broadcasting. */
final class Logic {
  private Logic() {}

  static Value equal(Object x, Object y) {
    return compare("equal", x, y, Lax::eq);
  }

  static Value notEqual(Object x, Object y) {
    return compare("not_equal", x, y, Lax::ne);
  }

  static Value less(Object x, Object y) {
    return compare("less", x, y, Lax::lt);
  }

  static Value lessEqual(Object x, Object y) {
    return compare("less_equal", x, y, Lax::le);
  }

  static Value greater(Object x, Object y) {
    return compare("greater", x, y, Lax::gt);
  }

  static Value greaterEqual(Object x, Object y) {
    return compare("greater_equal", x, y, Lax::ge);
  }

  static Value logicalAnd(Object x, Object y) {
    return logical("logical_and", x, y, Lax::and);
  }

  static Value logicalOr(Object x, Object y) {
    return logical("logical_or", x, y, Lax::or);
  }

  static Value logicalXor(Object x, Object y) {
    return logical("logical_xor", x, y, Lax::xor);
  }

  static Value logicalNot(Object x) {
    return Lax.not(toBool(Operands.promote("logical_not", x)[0]));
  }

  /** Elements of {@code x} where {@code condition} holds, else of {@code y}; all broadcast. */
  static Value where(Object condition, Object x, Object y) {
    Value c = toBool(ArrayLike.of("where", condition));
    Value[] xy = Operands.promote("where", x, y);
    var shape = Operands.broadcastShapes("where", c.shape(), xy[0].shape());
    return Lax.selectN(Operands.broadcastTo("where", c, shape),
        Operands.broadcastTo("where", xy[1], shape), Operands.broadcastTo("where", xy[0], shape));
  }

  /** {@code minimum(max, maximum(min, x))}; a {@code null} bound is left out. */
  static Value clip(Object x, Object min, Object max) {
    Object out = x;
    if (min != null) {
      out = Arithmetic.maximum(min, out);
    }
    if (max != null) {
      out = Arithmetic.minimum(max, out);
    }
    return ArrayLike.of("clip", out);
  }

  private static Value compare(String op, Object x, Object y, BinaryOperator<Value> f) {
    Value[] v = Operands.promote(op, x, y);
    return f.apply(v[0], v[1]);
  }

  private static Value logical(String op, Object x, Object y, BinaryOperator<Value> f) {
    Value[] v = Operands.promote(op, x, y);
    return f.apply(toBool(v[0]), toBool(v[1]));
  }

  /** {@code x != 0} unless {@code x} already is bool. */
  static Value toBool(Value x) {
    if (x.dtype() == DType.BOOL) {
      return x;
    }
    return Lax.ne(x, Constants.full(x.shape().dims(), 0, x.dtype(), false));
  }
}
