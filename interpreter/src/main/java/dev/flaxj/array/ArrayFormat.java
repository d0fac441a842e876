package dev.flaxj.array;

/** Text form of arrays, close to JAX's {@code repr}: {@code Array([1., 2.], dtype=float32)}. */
final class ArrayFormat {
  private ArrayFormat() {}

  static String repr(Array a) {
    StringBuilder sb = new StringBuilder("Array(");
    if (a.dtype() == DType.KEY) {
      sb.append("key<fry>").append(a.shape());
      return sb.append(')').toString();
    }
    appendNested(sb, a, 0, 0);
    sb.append(", dtype=").append(a.dtype().jaxName());
    if (a.weakType()) {
      sb.append(", weak_type=True");
    }
    return sb.append(')').toString();
  }

  private static int appendNested(StringBuilder sb, Array a, int axis, int offset) {
    Shape s = a.shape();
    if (axis == s.rank()) {
      sb.append(element(a, offset));
      return offset + 1;
    }
    sb.append('[');
    int pos = offset;
    for (int i = 0; i < s.dim(axis); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      pos = appendNested(sb, a, axis + 1, pos);
    }
    sb.append(']');
    return pos;
  }

  private static String element(Array a, int i) {
    switch (a.dtype()) {
      case BOOL: return a.rawBools()[i] ? "True" : "False";
      case INT32: return Integer.toString(a.rawInts()[i]);
      case UINT32: return Long.toString(Integer.toUnsignedLong(a.rawInts()[i]));
      default:
        double v = a.getDouble(i);
        if (Double.isNaN(v)) {
          return "nan";
        }
        if (Double.isInfinite(v)) {
          return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
          return (long) v + ".";
        }
        return a.dtype() == DType.FLOAT32 ? Float.toString((float) v) : Double.toString(v);
    }
  }
}
