package dev.flaxj.lax;

import dev.flaxj.array.DType;

/** The comparisons {@code eq}, {@code ne}, {@code lt}, {@code le}, {@code gt}, {@code ge}. */
final class ComparisonPrimitive extends BinaryPrimitive {
  ComparisonPrimitive(String name, DTypeSet accepted) {
    super(name, accepted);
  }

  @Override
  DType resultDType(DType operand) {
    return DType.BOOL;
  }
}
