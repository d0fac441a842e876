package dev.flaxj.array;

/**
 * The abstract value of an array: shape, dtype and JAX's weak-type flag. Abstract evaluation
 * of primitives works on these.
 */
public record ShapedArray(Shape shape, DType dtype, boolean weakType) {

  public static ShapedArray of(DType dtype, int... dims) {
    return new ShapedArray(Shape.of(dims), dtype, false);
  }

  public int rank() {
    return shape.rank();
  }

  public ShapedArray withShape(Shape newShape) {
    return new ShapedArray(newShape, dtype, weakType);
  }

  public ShapedArray withDType(DType newDType, boolean weak) {
    return new ShapedArray(shape, newDType, weak);
  }

  /** JAX's short form: {@code f32[2,3]}, with {@code {weak_type}} appended when weak. */
  public String str() {
    String s = shortName(dtype) + "[" + String.join(",",
        java.util.Arrays.stream(shape.dims()).mapToObj(Integer::toString).toArray(String[]::new)) + "]";
    return weakType ? s + "{weak_type}" : s;
  }

  private static String shortName(DType d) {
    switch (d) {
      case BOOL: return "bool";
      case INT32: return "i32";
      case UINT32: return "u32";
      case FLOAT32: return "f32";
      case FLOAT64: return "f64";
      default: return d.jaxName();
    }
  }
}
