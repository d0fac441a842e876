package dev.flaxj.lax;

/**
 * The lax-level Java API, as {@code jax.lax}: one static method per primitive application. No
 * implicit broadcasting or promotion happens here (that is {@code dev.flaxj.numpy.Jnp}'s job):
 * operands must already agree, as lax requires.
 */
public final class Lax {
  private Lax() {}

  // ---- elementwise: arithmetic, math, comparisons, logic, shifts, select, conversions ----
  // Operands of the binary operations must agree in shape and dtype (pow's exponent may be an
  // integer); the result is weakly typed only when every operand is.

  public static dev.flaxj.array.Value add(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.ADD, x, y);
  }

  public static dev.flaxj.array.Value sub(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.SUB, x, y);
  }

  public static dev.flaxj.array.Value mul(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.MUL, x, y);
  }

  /** {@code lax.div}: integers truncate toward zero (C semantics), unlike {@code jnp.floor_divide}. */
  public static dev.flaxj.array.Value div(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.DIV, x, y);
  }

  /** {@code lax.rem}: the remainder with the sign of {@code x} (C's {@code %} and {@code fmod}). */
  public static dev.flaxj.array.Value rem(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.REM, x, y);
  }

  /** {@code lax.pow}: a floating base; the exponent has the base's dtype or is an integer. */
  public static dev.flaxj.array.Value pow(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.POW, x, y);
  }

  /** {@code lax.max}; NaN wins. */
  public static dev.flaxj.array.Value max(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.MAX, x, y);
  }

  /** {@code lax.min}; NaN wins. */
  public static dev.flaxj.array.Value min(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.MIN, x, y);
  }

  /** {@code lax.nextafter}: the next representable value after {@code x} toward {@code y}. */
  public static dev.flaxj.array.Value nextafter(dev.flaxj.array.Value x,
      dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.NEXTAFTER, x, y);
  }

  public static dev.flaxj.array.Value neg(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.NEG, x);
  }

  public static dev.flaxj.array.Value abs(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.ABS, x);
  }

  /** {@code lax.sign}: -1, 0 or 1; keeps the sign of a floating zero and NaN. */
  public static dev.flaxj.array.Value sign(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.SIGN, x);
  }

  public static dev.flaxj.array.Value floor(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.FLOOR, x);
  }

  public static dev.flaxj.array.Value ceil(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.CEIL, x);
  }

  /** {@code lax.round(x)}: halves round away from zero (JAX's default). */
  public static dev.flaxj.array.Value round(dev.flaxj.array.Value x) {
    return round(x, RoundingMethod.AWAY_FROM_ZERO);
  }

  /** {@code lax.round(x, rounding_method)}. */
  public static dev.flaxj.array.Value round(dev.flaxj.array.Value x, RoundingMethod method) {
    return Bind.bind1(ElementwisePrimitives.ROUND, Params.of("rounding_method", method.code()), x);
  }

  /** {@code lax.round(x, rounding_method)} with JAX's integer code (0 away from zero, 1 to even). */
  public static dev.flaxj.array.Value round(dev.flaxj.array.Value x, int roundingMethod) {
    return round(x, RoundingMethod.fromCode(roundingMethod));
  }

  public static dev.flaxj.array.Value exp(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.EXP, x);
  }

  public static dev.flaxj.array.Value log(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.LOG, x);
  }

  public static dev.flaxj.array.Value log1p(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.LOG1P, x);
  }

  public static dev.flaxj.array.Value expm1(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.EXPM1, x);
  }

  public static dev.flaxj.array.Value tanh(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.TANH, x);
  }

  /** {@code lax.logistic}: the sigmoid {@code 1 / (1 + exp(-x))}. */
  public static dev.flaxj.array.Value logistic(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.LOGISTIC, x);
  }

  public static dev.flaxj.array.Value sqrt(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.SQRT, x);
  }

  /** {@code lax.rsqrt}: {@code 1 / sqrt(x)}. */
  public static dev.flaxj.array.Value rsqrt(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.RSQRT, x);
  }

  public static dev.flaxj.array.Value sin(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.SIN, x);
  }

  public static dev.flaxj.array.Value cos(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.COS, x);
  }

  public static dev.flaxj.array.Value erf(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.ERF, x);
  }

  /** {@code lax.erf_inv}: the inverse of {@code erf} on (-1, 1); +-1 give +-inf. */
  public static dev.flaxj.array.Value erfInv(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.ERF_INV, x);
  }

  /** {@code lax.integer_pow(x, y)}: {@code x} to a static integer power (y >= 0 for integers). */
  public static dev.flaxj.array.Value integerPow(dev.flaxj.array.Value x, int y) {
    return Bind.bind1(ElementwisePrimitives.INTEGER_POW, Params.of("y", y), x);
  }

  public static dev.flaxj.array.Value eq(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.EQ, x, y);
  }

  public static dev.flaxj.array.Value ne(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.NE, x, y);
  }

  public static dev.flaxj.array.Value lt(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.LT, x, y);
  }

  public static dev.flaxj.array.Value le(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.LE, x, y);
  }

  public static dev.flaxj.array.Value gt(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.GT, x, y);
  }

  public static dev.flaxj.array.Value ge(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.GE, x, y);
  }

  /** {@code lax.bitwise_and} (logical and on bools). */
  public static dev.flaxj.array.Value and(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.AND, x, y);
  }

  /** {@code lax.bitwise_or} (logical or on bools). */
  public static dev.flaxj.array.Value or(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.OR, x, y);
  }

  /** {@code lax.bitwise_not} (logical not on bools). */
  public static dev.flaxj.array.Value not(dev.flaxj.array.Value x) {
    return elementwise(ElementwisePrimitives.NOT, x);
  }

  /** {@code lax.bitwise_xor} (logical xor on bools). */
  public static dev.flaxj.array.Value xor(dev.flaxj.array.Value x, dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.XOR, x, y);
  }

  /** {@code lax.shift_left}; amounts of 32 or more (read unsigned) give 0. */
  public static dev.flaxj.array.Value shiftLeft(dev.flaxj.array.Value x,
      dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.SHIFT_LEFT, x, y);
  }

  /** {@code lax.shift_right_logical}; amounts of 32 or more (read unsigned) give 0. */
  public static dev.flaxj.array.Value shiftRightLogical(dev.flaxj.array.Value x,
      dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.SHIFT_RIGHT_LOGICAL, x, y);
  }

  /** {@code lax.shift_right_arithmetic}; amounts of 32 or more (read unsigned) fill with the sign. */
  public static dev.flaxj.array.Value shiftRightArithmetic(dev.flaxj.array.Value x,
      dev.flaxj.array.Value y) {
    return elementwise(ElementwisePrimitives.SHIFT_RIGHT_ARITHMETIC, x, y);
  }

  /**
   * {@code lax.select_n(which, *cases)}: element {@code i} of case {@code which[i]}; a bool
   * {@code which} picks case 0 for false and case 1 for true. {@code which} is a scalar or has
   * the cases' shape.
   */
  public static dev.flaxj.array.Value selectN(dev.flaxj.array.Value which,
      dev.flaxj.array.Value... cases) {
    if (cases.length == 0) {
      throw new IllegalArgumentException("select_n: at least one case is needed");
    }
    dev.flaxj.array.Value[] operands = new dev.flaxj.array.Value[cases.length + 1];
    operands[0] = which;
    System.arraycopy(cases, 0, operands, 1, cases.length);
    return Bind.bind1(ElementwisePrimitives.SELECT_N, Params.EMPTY, operands);
  }

  /** {@code lax.clamp(min, x, max)}; {@code min} and {@code max} may be scalars. */
  public static dev.flaxj.array.Value clamp(dev.flaxj.array.Value min, dev.flaxj.array.Value x,
      dev.flaxj.array.Value max) {
    return elementwise(ElementwisePrimitives.CLAMP, min, x, max);
  }

  /** {@code lax.convert_element_type(x, dtype)}: the result is not weakly typed. */
  public static dev.flaxj.array.Value convertElementType(dev.flaxj.array.Value x,
      dev.flaxj.array.DType dtype) {
    return convertElementType(x, dtype, false);
  }

  /**
   * {@code convert_element_type[new_dtype, weak_type]}; as in JAX, nothing is applied when
   * neither the dtype nor the weak-type flag changes.
   */
  public static dev.flaxj.array.Value convertElementType(dev.flaxj.array.Value x,
      dev.flaxj.array.DType dtype, boolean weakType) {
    if (x.dtype() == dtype && x.aval().weakType() == weakType) {
      return x;
    }
    return Bind.bind1(ElementwisePrimitives.CONVERT_ELEMENT_TYPE,
        Params.of("new_dtype", dtype, "weak_type", weakType), x);
  }

  /** {@code lax.bitcast_convert_type(x, dtype)} between dtypes of the same width. */
  public static dev.flaxj.array.Value bitcastConvertType(dev.flaxj.array.Value x,
      dev.flaxj.array.DType dtype) {
    return Bind.bind1(ElementwisePrimitives.BITCAST_CONVERT_TYPE,
        Params.of("new_dtype", dtype), x);
  }

  private static dev.flaxj.array.Value elementwise(Primitive p,
      dev.flaxj.array.Value... operands) {
    return Bind.bind1(p, Params.EMPTY, operands);
  }

  // ---- shape: broadcast_in_dim, reshape, transpose, squeeze, expand_dims, concatenate, pad, iota ----

  /**
   * {@code lax.broadcast_in_dim}: operand dimension {@code i} becomes dimension
   * {@code broadcastDimensions[i]} of an array of {@code shape}; size-1 dimensions stretch.
   */
  public static dev.flaxj.array.Value broadcastInDim(dev.flaxj.array.Value x, int[] shape,
      int[] broadcastDimensions) {
    if (x instanceof dev.flaxj.array.Array && x.rank() == 0 && shape.length == 0
        && broadcastDimensions.length == 0) {
      return x;
    }
    return Bind.bind1(ShapePrimitives.BROADCAST_IN_DIM,
        Params.of("shape", shape, "broadcast_dimensions", broadcastDimensions), x);
  }

  /** {@code lax.reshape} (row-major, no {@code dimensions}); sizes must be given, no -1. */
  public static dev.flaxj.array.Value reshape(dev.flaxj.array.Value x, int... newSizes) {
    if (x instanceof dev.flaxj.array.Array && x.rank() > 0
        && java.util.Arrays.equals(x.shape().dims(), newSizes)) {
      return x;
    }
    return Bind.bind1(ShapePrimitives.RESHAPE, Params.of("new_sizes", newSizes), x);
  }

  /** {@code lax.transpose}: output dimension {@code i} is operand dimension {@code permutation[i]}. */
  public static dev.flaxj.array.Value transpose(dev.flaxj.array.Value x, int... permutation) {
    boolean identity = permutation.length == x.rank();
    for (int i = 0; i < permutation.length; i++) {
      identity &= permutation[i] == i;
    }
    if (identity) {
      return x; // JAX returns any jax.Array, tracers included, without binding the primitive
    }
    return Bind.bind1(ShapePrimitives.TRANSPOSE, Params.of("permutation", permutation), x);
  }

  /** {@code lax.squeeze}: removes the given size-1 dimensions (negative ones count from the end). */
  public static dev.flaxj.array.Value squeeze(dev.flaxj.array.Value x, int... dimensions) {
    int[] dims = new int[dimensions.length];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = dev.flaxj.array.Shape.canonicalAxis(dimensions[i], x.rank(), "squeeze");
    }
    java.util.Arrays.sort(dims);
    if (dims.length == 0 && x instanceof dev.flaxj.array.Array) {
      return x;
    }
    return Bind.bind1(ShapePrimitives.SQUEEZE, Params.of("dimensions", dims), x);
  }

  /**
   * {@code lax.expand_dims}: inserts size-1 dimensions at the given positions of the result
   * (negative ones count from its end), by {@code broadcast_in_dim} as JAX does.
   */
  public static dev.flaxj.array.Value expandDims(dev.flaxj.array.Value x, int... dimensions) {
    int rankOut = x.rank() + dimensions.length;
    boolean[] inserted = new boolean[rankOut];
    for (int d : dimensions) {
      int axis = dev.flaxj.array.Shape.canonicalAxis(d, rankOut, "expand_dims");
      if (inserted[axis]) {
        throw new IllegalArgumentException("expand_dims: repeated axis in "
            + java.util.Arrays.toString(dimensions) + " for operand shape " + x.shape());
      }
      inserted[axis] = true;
    }
    int[] shape = new int[rankOut];
    int[] broadcastDims = new int[x.rank()];
    for (int i = 0, k = 0; i < rankOut; i++) {
      if (inserted[i]) {
        shape[i] = 1;
      } else {
        shape[i] = x.shape().dim(k);
        broadcastDims[k++] = i;
      }
    }
    return broadcastInDim(x, shape, broadcastDims);
  }

  /** {@code lax.rev}: reverses the given dimensions (non-negative, as {@code jax.lax} requires). */
  public static dev.flaxj.array.Value rev(dev.flaxj.array.Value x, int... dimensions) {
    return Bind.bind1(ShapePrimitives.REV, Params.of("dimensions", dimensions), x);
  }

  /** {@code lax.concatenate} along {@code dimension} (non-negative); one operand is returned as is. */
  public static dev.flaxj.array.Value concatenate(int dimension,
      dev.flaxj.array.Value... operands) {
    if (operands.length == 0) {
      throw new IllegalArgumentException("concatenate: needs at least one operand, got none");
    }
    if (operands.length == 1 && operands[0] instanceof dev.flaxj.array.Array) {
      return operands[0];
    }
    return Bind.bind1(ShapePrimitives.CONCATENATE, Params.of("dimension", dimension), operands);
  }

  /** {@code lax.concatenate(operands, dimension)}. */
  public static dev.flaxj.array.Value concatenate(
      java.util.List<? extends dev.flaxj.array.Value> operands, int dimension) {
    return concatenate(dimension, operands.toArray(new dev.flaxj.array.Value[0]));
  }

  /**
   * {@code lax.pad}: {@code config[d] = {lo, hi, interior}} for each dimension; negative
   * {@code lo}/{@code hi} remove elements. {@code paddingValue} is a scalar of {@code x}'s dtype.
   */
  public static dev.flaxj.array.Value pad(dev.flaxj.array.Value x,
      dev.flaxj.array.Value paddingValue, int[][] config) {
    return Bind.bind1(ShapePrimitives.PAD, Params.of("padding_config", config), x, paddingValue);
  }

  /** {@code lax.broadcasted_iota}: an array of {@code shape} counting along {@code dimension}. */
  public static dev.flaxj.array.Value iota(dev.flaxj.array.DType dtype, int[] shape,
      int dimension) {
    return Bind.bind1(ShapePrimitives.IOTA,
        Params.of("dtype", dtype, "shape", shape, "dimension", dimension));
  }

  /** {@code lax.iota}: {@code 0, 1, ..., size - 1}. */
  public static dev.flaxj.array.Value iota(dev.flaxj.array.DType dtype, int size) {
    return iota(dtype, new int[] {size}, 0);
  }

  // ---- indexing: slice, dynamic_slice, dynamic_update_slice, gather, scatter, scatter_add ----

  /** {@code lax.slice} with unit strides: elements {@code start[d] <= i < limit[d]}. */
  public static dev.flaxj.array.Value slice(dev.flaxj.array.Value x, int[] start, int[] limit) {
    return Bind.bind1(IndexingPrimitives.SLICE,
        Params.of("start_indices", start, "limit_indices", limit, "strides", null), x);
  }

  /** {@code lax.slice}: elements {@code start[d], start[d] + strides[d], ...} below {@code limit[d]}. */
  public static dev.flaxj.array.Value slice(dev.flaxj.array.Value x, int[] start, int[] limit,
      int[] strides) {
    return Bind.bind1(IndexingPrimitives.SLICE,
        Params.of("start_indices", start, "limit_indices", limit, "strides", strides), x);
  }

  /**
   * {@code lax.dynamic_slice}: a window of {@code sliceSizes} at one integer scalar start per
   * dimension. As in JAX, a negative int32 start first counts from the end of its dimension
   * ({@code select_n(lt(i, 0), i, add(i, dim))}); the primitive then clamps every start to
   * {@code [0, dim - size]}.
   */
  public static dev.flaxj.array.Value dynamicSlice(dev.flaxj.array.Value x,
      dev.flaxj.array.Value[] startIndices, int[] sliceSizes) {
    return Bind.bind1(IndexingPrimitives.DYNAMIC_SLICE, Params.of("slice_sizes", sliceSizes),
        withStartIndices(x, startIndices, "dynamic_slice", x));
  }

  /**
   * {@code lax.dynamic_update_slice}: {@code x} with {@code update} written at one integer
   * scalar start per dimension, wrapped and clamped as in {@link #dynamicSlice}.
   */
  public static dev.flaxj.array.Value dynamicUpdateSlice(dev.flaxj.array.Value x,
      dev.flaxj.array.Value update, dev.flaxj.array.Value[] startIndices) {
    return Bind.bind1(IndexingPrimitives.DYNAMIC_UPDATE_SLICE, Params.EMPTY,
        withStartIndices(x, startIndices, "dynamic_update_slice", x, update));
  }

  /** {@code leading} then the start indices, negative int32 ones wrapped as JAX wraps them. */
  private static dev.flaxj.array.Value[] withStartIndices(dev.flaxj.array.Value x,
      dev.flaxj.array.Value[] startIndices, String op, dev.flaxj.array.Value... leading) {
    if (startIndices.length != x.rank()) {
      throw new IllegalArgumentException(op + ": needs one start index per operand dimension, got "
          + startIndices.length + " for operand shape " + x.shape());
    }
    dev.flaxj.array.Value[] args =
        java.util.Arrays.copyOf(leading, leading.length + startIndices.length);
    for (int d = 0; d < startIndices.length; d++) {
      dev.flaxj.array.Value i = startIndices[d];
      if (i.dtype() == dev.flaxj.array.DType.INT32 && i.rank() == 0) {
        dev.flaxj.array.Value wrapped = add(i, dev.flaxj.array.Array.scalar(x.shape().dim(d)));
        i = selectN(lt(i, dev.flaxj.array.Array.scalar(0)), i, wrapped);
      }
      args[leading.length + d] = i;
    }
    return args;
  }

  /**
   * {@code lax.gather} (index vectors along the last dimension of {@code indices}). A null
   * {@code mode} means {@code PROMISE_IN_BOUNDS}, as in {@code jax.lax.gather}; in
   * {@code FILL_OR_DROP} mode out-of-bounds windows are filled with JAX's default fill value.
   */
  public static dev.flaxj.array.Value gather(dev.flaxj.array.Value x,
      dev.flaxj.array.Value indices, GatherDimensionNumbers dimensionNumbers, int[] sliceSizes,
      GatherScatterMode mode) {
    return gather(x, indices, dimensionNumbers, sliceSizes, mode, null, false, false);
  }

  /**
   * {@code lax.gather} with every option. {@code fillValue} (null for JAX's default, see
   * {@link IndexingPrimitives#defaultGatherFill}) is kept in {@code FILL_OR_DROP} mode only.
   */
  public static dev.flaxj.array.Value gather(dev.flaxj.array.Value x,
      dev.flaxj.array.Value indices, GatherDimensionNumbers dimensionNumbers, int[] sliceSizes,
      GatherScatterMode mode, Number fillValue, boolean indicesAreSorted,
      boolean uniqueIndices) {
    GatherScatterMode m = mode == null ? GatherScatterMode.PROMISE_IN_BOUNDS : mode;
    Double fill = m != GatherScatterMode.FILL_OR_DROP ? null : fillValue != null
        ? fillValue.doubleValue() : IndexingPrimitives.defaultGatherFill(x.dtype());
    return Bind.bind1(IndexingPrimitives.GATHER, Params.of("dimension_numbers", dimensionNumbers,
        "slice_sizes", sliceSizes, "indices_are_sorted", indicesAreSorted,
        "unique_indices", uniqueIndices, "mode", m, "fill_value", fill), x, indices);
  }

  /**
   * {@code lax.scatter}: {@code x} with the update windows written at the indexed positions; of
   * colliding updates the last wins. A null {@code mode} means {@code FILL_OR_DROP}, as in JAX.
   */
  public static dev.flaxj.array.Value scatter(dev.flaxj.array.Value x,
      dev.flaxj.array.Value indices, dev.flaxj.array.Value updates,
      ScatterDimensionNumbers dimensionNumbers, GatherScatterMode mode) {
    return scatter(x, indices, updates, dimensionNumbers, mode, false, false);
  }

  /** {@code lax.scatter} with every option. */
  public static dev.flaxj.array.Value scatter(dev.flaxj.array.Value x,
      dev.flaxj.array.Value indices, dev.flaxj.array.Value updates,
      ScatterDimensionNumbers dimensionNumbers, GatherScatterMode mode, boolean indicesAreSorted,
      boolean uniqueIndices) {
    return Bind.bind1(IndexingPrimitives.SCATTER,
        scatterParams(dimensionNumbers, mode, indicesAreSorted, uniqueIndices), x, indices, updates);
  }

  /** {@code lax.scatter_add}: as {@link #scatter}, but colliding updates accumulate. */
  public static dev.flaxj.array.Value scatterAdd(dev.flaxj.array.Value x,
      dev.flaxj.array.Value indices, dev.flaxj.array.Value updates,
      ScatterDimensionNumbers dimensionNumbers, GatherScatterMode mode) {
    return scatterAdd(x, indices, updates, dimensionNumbers, mode, false, false);
  }

  /** {@code lax.scatter_add} with every option. */
  public static dev.flaxj.array.Value scatterAdd(dev.flaxj.array.Value x,
      dev.flaxj.array.Value indices, dev.flaxj.array.Value updates,
      ScatterDimensionNumbers dimensionNumbers, GatherScatterMode mode, boolean indicesAreSorted,
      boolean uniqueIndices) {
    return Bind.bind1(IndexingPrimitives.SCATTER_ADD,
        scatterParams(dimensionNumbers, mode, indicesAreSorted, uniqueIndices), x, indices, updates);
  }

  private static Params scatterParams(ScatterDimensionNumbers dimensionNumbers,
      GatherScatterMode mode, boolean indicesAreSorted, boolean uniqueIndices) {
    return Params.of("dimension_numbers", dimensionNumbers, "indices_are_sorted", indicesAreSorted,
        "unique_indices", uniqueIndices,
        "mode", mode == null ? GatherScatterMode.FILL_OR_DROP : mode);
  }

  // ---- reductions: reduce_*, argmax, argmin, cumsum ----

  /** {@code lax.reduce_sum}: sums over {@code axes} (non-negative, distinct), in XLA's order. */
  public static dev.flaxj.array.Value reduceSum(dev.flaxj.array.Value x, int... axes) {
    return Bind.bind1(ReductionPrimitives.REDUCE_SUM, Params.of("axes", axes), x);
  }

  /** {@code lax.reduce_prod}. */
  public static dev.flaxj.array.Value reduceProd(dev.flaxj.array.Value x, int... axes) {
    return Bind.bind1(ReductionPrimitives.REDUCE_PROD, Params.of("axes", axes), x);
  }

  /** {@code lax.reduce_max}: NaN propagates, -0.0 &lt; 0.0, empty gives the lowest value. */
  public static dev.flaxj.array.Value reduceMax(dev.flaxj.array.Value x, int... axes) {
    return Bind.bind1(ReductionPrimitives.REDUCE_MAX, Params.of("axes", axes), x);
  }

  /** {@code lax.reduce_min}: NaN propagates, -0.0 &lt; 0.0, empty gives the highest value. */
  public static dev.flaxj.array.Value reduceMin(dev.flaxj.array.Value x, int... axes) {
    return Bind.bind1(ReductionPrimitives.REDUCE_MIN, Params.of("axes", axes), x);
  }

  /** {@code lax.reduce_and}: logical on bool, bitwise on integers. */
  public static dev.flaxj.array.Value reduceAnd(dev.flaxj.array.Value x, int... axes) {
    return Bind.bind1(ReductionPrimitives.REDUCE_AND, Params.of("axes", axes), x);
  }

  /** {@code lax.reduce_or}: logical on bool, bitwise on integers. */
  public static dev.flaxj.array.Value reduceOr(dev.flaxj.array.Value x, int... axes) {
    return Bind.bind1(ReductionPrimitives.REDUCE_OR, Params.of("axes", axes), x);
  }

  /** {@code lax.argmax}: index of the first maximum along {@code axis}; the first NaN wins. */
  public static dev.flaxj.array.Value argmax(dev.flaxj.array.Value x, int axis,
      dev.flaxj.array.DType indexDtype) {
    return Bind.bind1(ReductionPrimitives.ARGMAX,
        Params.of("axes", new int[] {axis}, "index_dtype", indexDtype), x);
  }

  /** {@code lax.argmin}: index of the first minimum along {@code axis}; the first NaN wins. */
  public static dev.flaxj.array.Value argmin(dev.flaxj.array.Value x, int axis,
      dev.flaxj.array.DType indexDtype) {
    return Bind.bind1(ReductionPrimitives.ARGMIN,
        Params.of("axes", new int[] {axis}, "index_dtype", indexDtype), x);
  }

  /** {@code lax.cumsum}: inclusive running sum along {@code axis} (non-negative). */
  public static dev.flaxj.array.Value cumsum(dev.flaxj.array.Value x, int axis, boolean reverse) {
    return Bind.bind1(ReductionPrimitives.CUMSUM, Params.of("axis", axis, "reverse", reverse), x);
  }

  /** {@code lax.cumprod}. */
  public static dev.flaxj.array.Value cumprod(dev.flaxj.array.Value x, int axis, boolean reverse) {
    return Bind.bind1(ReductionPrimitives.CUMPROD, Params.of("axis", axis, "reverse", reverse), x);
  }

  /** {@code lax.cummax}. */
  public static dev.flaxj.array.Value cummax(dev.flaxj.array.Value x, int axis, boolean reverse) {
    return Bind.bind1(ReductionPrimitives.CUMMAX, Params.of("axis", axis, "reverse", reverse), x);
  }

  /** {@code lax.cummin}. */
  public static dev.flaxj.array.Value cummin(dev.flaxj.array.Value x, int axis, boolean reverse) {
    return Bind.bind1(ReductionPrimitives.CUMMIN, Params.of("axis", axis, "reverse", reverse), x);
  }

  /**
   * {@code lax.sort} of several operands: sorts along {@code dimension} (negative counts from
   * the end) by the first {@code numKeys} operands, lexicographically, permuting the rest alike.
   * Floats order as -inf &lt; ... &lt; inf &lt; NaN with -0.0 equal to 0.0.
   */
  public static java.util.List<dev.flaxj.array.Value> sort(int dimension, boolean isStable,
      int numKeys, dev.flaxj.array.Value... operands) {
    if (operands.length == 0) {
      throw new IllegalArgumentException("sort: requires at least one operand");
    }
    int dim = dev.flaxj.array.Shape.canonicalAxis(dimension, operands[0].rank(), "sort");
    return Bind.bind(SortPrimitive.SORT,
        Params.of("dimension", dim, "is_stable", isStable, "num_keys", numKeys), operands);
  }

  // ---- linear algebra: dot_general ----

  /** {@code lax.dot_general}; the result dtype follows the operands'. */
  public static dev.flaxj.array.Value dotGeneral(dev.flaxj.array.Value lhs,
      dev.flaxj.array.Value rhs, DotDimensionNumbers dims) {
    return Bind.bind1(DotGeneralPrimitive.DOT_GENERAL, Params.of("dimension_numbers", dims),
        lhs, rhs);
  }

  /** {@code lax.dot_general} with a {@code preferred_element_type} (result dtype; null: none). */
  public static dev.flaxj.array.Value dotGeneral(dev.flaxj.array.Value lhs,
      dev.flaxj.array.Value rhs, DotDimensionNumbers dims,
      dev.flaxj.array.DType preferredElementType) {
    if (preferredElementType == null) {
      return dotGeneral(lhs, rhs, dims);
    }
    return Bind.bind1(DotGeneralPrimitive.DOT_GENERAL, Params.of("dimension_numbers", dims,
        "preferred_element_type", preferredElementType), lhs, rhs);
  }

  // ---- random bits: threefry2x32, random_wrap, random_unwrap ----

  /**
   * Threefry-2x32 on key words {@code (k1, k2)} and counter words {@code (x1, x2)}, all uint32,
   * elementwise (scalars broadcast); returns the two output words {@code [y1, y2]}.
   */
  public static java.util.List<dev.flaxj.array.Value> threefry2x32(dev.flaxj.array.Value k1,
      dev.flaxj.array.Value k2, dev.flaxj.array.Value x1, dev.flaxj.array.Value x2) {
    return Bind.bind(RandomPrimitives.THREEFRY2X32, Params.EMPTY, k1, k2, x1, x2);
  }

  /** Typed keys from uint32 key data of shape {@code (..., 2)}. */
  public static dev.flaxj.array.Value randomWrap(dev.flaxj.array.Value keyData) {
    return Bind.bind1(RandomPrimitives.RANDOM_WRAP, Params.of("impl", "fry"), keyData);
  }

  /** The uint32 data of typed keys, with a trailing dimension of 2. */
  public static dev.flaxj.array.Value randomUnwrap(dev.flaxj.array.Value keys) {
    return Bind.bind1(RandomPrimitives.RANDOM_UNWRAP, Params.EMPTY, keys);
  }

  /**
   * Reduced QR decomposition of a float matrix (or a batch of them, leading dimensions):
   * {@code x (..., m, n)} gives {@code [q (..., m, k), r (..., k, n)]} with {@code k = min(m, n)}.
   */
  public static java.util.List<dev.flaxj.array.Value> qr(dev.flaxj.array.Value x) {
    return Bind.bind(LinalgPrimitives.QR, Params.of("full_matrices", false, "pivoting", false), x);
  }

  // ---- collectives: psum, pmean, pmax, pmin, all_gather, axis_index over named vmap axes ----
  // The names are those given as vmap's axis_name; an unbound name fails with JAX's message.

  /**
   * {@code lax.psum}: {@code x} summed over the named axes (every index gets the sum); bools are
   * summed as int32, as in JAX. No names: {@code x} itself.
   */
  public static dev.flaxj.array.Value psum(dev.flaxj.array.Value x, String... axisNames) {
    dev.flaxj.array.Value v = x.dtype() == dev.flaxj.array.DType.BOOL
        ? convertElementType(x, dev.flaxj.array.DType.INT32) : x;
    return allReduce(CollectivePrimitives.PSUM, v, axisNames);
  }

  /**
   * {@code lax.pmean}: {@link #psum} divided by the product of the axis sizes; integer and bool
   * inputs give float32, as JAX's true division does.
   */
  public static dev.flaxj.array.Value pmean(dev.flaxj.array.Value x, String... axisNames) {
    dev.flaxj.array.Value sum = psum(x, axisNames);
    int n = 1;
    for (String name : axisNames) {
      n *= dev.flaxj.transform.batching.AxisEnv.axisSize(CollectivePrimitives.PSUM, name);
    }
    dev.flaxj.array.DType dtype = sum.dtype().isFloating() ? sum.dtype()
        : dev.flaxj.array.DType.FLOAT32;
    boolean weak = sum.aval().weakType();
    dev.flaxj.array.Value count = convertElementType(dev.flaxj.array.Array.scalar(n), dtype, weak);
    return div(convertElementType(sum, dtype, weak),
        broadcastInDim(count, sum.shape().dims(), new int[0]));
  }

  /** {@code lax.pmax}: the elementwise maximum over the named axes. */
  public static dev.flaxj.array.Value pmax(dev.flaxj.array.Value x, String... axisNames) {
    return allReduce(CollectivePrimitives.PMAX, x, axisNames);
  }

  /** {@code lax.pmin}: the elementwise minimum over the named axes. */
  public static dev.flaxj.array.Value pmin(dev.flaxj.array.Value x, String... axisNames) {
    return allReduce(CollectivePrimitives.PMIN, x, axisNames);
  }

  private static dev.flaxj.array.Value allReduce(NamedAxisPrimitive p, dev.flaxj.array.Value x,
      String[] axisNames) {
    if (axisNames.length == 0) {
      return x;
    }
    return Bind.bind1(p, Params.of("axes", axisNames.clone(), "axis_index_groups", null), x);
  }

  /** {@code lax.all_gather(x, axis_name)}: the values of every index stacked along a new axis 0. */
  public static dev.flaxj.array.Value allGather(dev.flaxj.array.Value x, String axisName) {
    return allGather(x, axisName, 0, false);
  }

  /**
   * {@code lax.all_gather(x, axis_name, axis=axis, tiled=tiled)}: the values of every index of
   * the named axis stacked along a new dimension {@code axis} (negative counts from the end of
   * the result), or with {@code tiled} concatenated along the existing dimension {@code axis}.
   */
  public static dev.flaxj.array.Value allGather(dev.flaxj.array.Value x, String axisName,
      int axis, boolean tiled) {
    int size = dev.flaxj.transform.batching.AxisEnv.axisSize(CollectivePrimitives.ALL_GATHER,
        axisName);
    int rank = tiled ? x.rank() : x.rank() + 1;
    if (axis < -rank || axis >= rank) {
      throw new IllegalArgumentException("axis " + axis
          + " is out of bounds for array of dimension " + rank);
    }
    return Bind.bind1(CollectivePrimitives.ALL_GATHER, Params.of(
        "all_gather_dimension", axis < 0 ? axis + rank : axis, "axis_index_groups", null,
        "axis_name", new String[] {axisName}, "axis_size", size, "tiled", tiled), x);
  }

  /** {@code lax.axis_index}: this index along the named axis, an int32 scalar. */
  public static dev.flaxj.array.Value axisIndex(String axisName) {
    return Bind.bind1(CollectivePrimitives.AXIS_INDEX, Params.of("axis_name", axisName));
  }
}
