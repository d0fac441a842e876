package dev.flaxj.numpy;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.GatherDimensionNumbers;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.ScatterDimensionNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numpy index expression as one XLA gather (or, transposed, one scatter), built the way
 * {@code jnp} builds it: advanced indices broadcast together and collapsed, unit-step slices kept
 * as windows, other slices and integers turned into index arrays.
 *
 * @param indices int32 start indices with the index vector last, or {@code null} when nothing
 *     needs indexing (only whole slices)
 * @param offsetDims result dimensions that hold windows
 * @param collapsedSliceDims operand dimensions indexed by a single position
 * @param startIndexMap operand dimension of each index vector entry
 * @param sliceSizes window size per operand dimension
 * @param sliceShape the result shape, new axes included
 * @param newAxisDims the positions of the new axes in {@code sliceShape}
 */
record GatherPlan(Value indices, int[] offsetDims, int[] collapsedSliceDims, int[] startIndexMap,
    int[] sliceSizes, int[] sliceShape, int[] newAxisDims) {

  GatherDimensionNumbers gatherDimensionNumbers() {
    return new GatherDimensionNumbers(offsetDims, collapsedSliceDims, startIndexMap);
  }

  ScatterDimensionNumbers scatterDimensionNumbers() {
    return new ScatterDimensionNumbers(offsetDims, collapsedSliceDims, startIndexMap);
  }

  boolean empty() {
    return Arrays.stream(sliceShape).anyMatch(d -> d == 0);
  }

  /** Index arrays are paired with the first dimension of the gather batch shape they fill. */
  private record Part(Value index, int startDim) {}

  static GatherPlan of(ParsedIndex p) {
    Shape shape = p.operand().shape();
    List<ParsedIndex.Entry> entries = p.entries();
    int insertAt = -1;
    List<Value> advanced = new ArrayList<>();
    List<Integer> advancedAxes = new ArrayList<>();
    if (p.advanced()) {
      int axis = 0;
      for (int pos = 0; pos < entries.size(); pos++) {
        ParsedIndex.Entry e = entries.get(pos);
        if (e instanceof ParsedIndex.NewAxisEntry) {
          continue;
        }
        if (e instanceof ParsedIndex.IntEntry || e instanceof ParsedIndex.ArrayEntry) {
          insertAt = insertAt < 0 ? (p.advancedContiguous() ? pos : 0) : insertAt;
          advanced.add(indexArray(e, shape.dim(axis)));
          advancedAxes.add(axis);
        }
        axis++;
      }
    }
    List<Part> parts = new ArrayList<>();
    List<Integer> batchShape = new ArrayList<>();
    List<Integer> offsetDims = new ArrayList<>();
    List<Integer> collapsed = new ArrayList<>();
    List<Integer> startIndexMap = new ArrayList<>();
    List<Integer> sliceSizes = new ArrayList<>();
    List<Integer> sliceShape = new ArrayList<>();
    List<Integer> newAxisDims = new ArrayList<>();
    int xAxis = 0;
    int yAxis = 0;
    int collapsedY = 0;
    for (int pos = 0; pos < entries.size(); pos++) {
      if (pos == insertAt) {
        Value[] common = broadcastTogether(advanced);
        int start = batchShape.size();
        for (Value a : common) {
          parts.add(new Part(a, start));
        }
        int[] b = common[0].shape().dims();
        for (int d : b) {
          batchShape.add(d);
          sliceShape.add(d);
        }
        startIndexMap.addAll(advancedAxes);
        collapsed.addAll(advancedAxes);
        yAxis += b.length;
        collapsedY += b.length;
      }
      ParsedIndex.Entry e = entries.get(pos);
      if (p.advanced() && (e instanceof ParsedIndex.IntEntry
          || e instanceof ParsedIndex.ArrayEntry)) {
        sliceSizes.add(1);
        xAxis++;
      } else if (e instanceof ParsedIndex.IntEntry
          || e instanceof ParsedIndex.ArrayEntry) {
        // Only rank-0 arrays and integers reach here: a single collapsed position.
        parts.add(new Part(indexArray(e, shape.dim(xAxis)), batchShape.size()));
        collapsed.add(xAxis);
        startIndexMap.add(xAxis);
        sliceSizes.add(1);
        xAxis++;
      } else if (e instanceof ParsedIndex.NewAxisEntry) {
        sliceShape.add(1);
        newAxisDims.add(yAxis);
        yAxis++;
      } else {
        ParsedIndex.SliceEntry s = (ParsedIndex.SliceEntry) e;
        sliceShape.add(s.size());
        if (s.step() == 1) {
          if (s.size() != shape.dim(xAxis)) {
            parts.add(new Part(Array.scalar(s.start()), batchShape.size()));
            startIndexMap.add(xAxis);
          }
          sliceSizes.add(s.size());
          offsetDims.add(collapsedY);
        } else {
          int[] positions = new int[s.size()];
          for (int i = 0; i < positions.length; i++) {
            positions[i] = s.start() + i * s.step();
          }
          parts.add(new Part(Array.of(positions, positions.length), batchShape.size()));
          batchShape.add(s.size());
          startIndexMap.add(xAxis);
          collapsed.add(xAxis);
          sliceSizes.add(1);
        }
        collapsedY++;
        yAxis++;
        xAxis++;
      }
    }
    collapsed.sort(null);
    return new GatherPlan(stack(parts, Ints.of(batchShape)), Ints.of(offsetDims),
        Ints.of(collapsed), Ints.of(startIndexMap), Ints.of(sliceSizes), Ints.of(sliceShape),
        Ints.of(newAxisDims));
  }

  /** An integer index (array) as int32 with negative entries counted from the end of the axis. */
  private static Value indexArray(ParsedIndex.Entry e, int size) {
    if (e instanceof ParsedIndex.IntEntry i) {
      return Array.scalar(i.index());
    }
    Value a = ((ParsedIndex.ArrayEntry) e).indices();
    if (a.dtype() == DType.UINT32) {
      return Operands.convert(a, DType.INT32);
    }
    Value i = Operands.convert(a, DType.INT32);
    Value negative = Lax.lt(i, Constants.fullLike(i, 0));
    return Lax.selectN(negative, i, Lax.add(i, Constants.fullLike(i, size)));
  }

  private static Value[] broadcastTogether(List<Value> arrays) {
    Shape[] shapes = arrays.stream().map(Value::shape).toArray(Shape[]::new);
    Shape common = Operands.broadcastShapes("index", shapes);
    return arrays.stream().map(a -> Operands.broadcastTo("index", a, common))
        .toArray(Value[]::new);
  }

  /** The index arrays broadcast into {@code batchShape} and stacked along a new last dimension. */
  private static Value stack(List<Part> parts, int[] batchShape) {
    if (parts.isEmpty()) {
      return null;
    }
    int[] shape = Arrays.copyOf(batchShape, batchShape.length + 1);
    shape[batchShape.length] = 1;
    Value[] columns = new Value[parts.size()];
    for (int k = 0; k < columns.length; k++) {
      Part part = parts.get(k);
      int[] dims = new int[part.index().rank()];
      for (int d = 0; d < dims.length; d++) {
        dims[d] = part.startDim() + d;
      }
      columns[k] = Lax.broadcastInDim(part.index(), shape, dims);
    }
    return Lax.concatenate(batchShape.length, columns);
  }
}
