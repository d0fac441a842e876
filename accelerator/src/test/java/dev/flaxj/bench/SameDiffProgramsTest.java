package dev.flaxj.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.accelerator.bench.SameDiffPrograms;
import dev.flaxj.array.Array;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.tree.Trees;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The SameDiff benchmark programs compute what flaxj's benchmark programs compute: with flaxj's
 * initial parameters loaded into SameDiff, the output and the gradient of every parameter of
 * {@link SameDiffPrograms} equal those of {@link FlaxPrograms} (reference backend) within 1e-5
 * relative to the largest magnitude of each array (gemm and SameDiff's reductions add in another
 * order than the reference kernels). Run at the small sizes of the benchmark table.
 */
class SameDiffProgramsTest {
  private static final double TOLERANCE = 1e-5;

  @ParameterizedTest
  @ValueSource(strings = {"lstm_seed", "resmlp_4"})
  void sameOutputAndGradientsAsFlaxj(String name) {
    FlaxPrograms.Program flaxj = FlaxPrograms.byName(name);
    Map<?, ?> variables = (Map<?, ?>) flaxj.init().get(1);
    Object params = variables.get("params");
    @SuppressWarnings("unchecked")
    Array y = (Array) flaxj.forward((Map<String, ?>) variables);
    Object grads = Grad.grad(flaxj.loss()).apply(params, flaxj.x());

    SameDiffPrograms.Program sd = SameDiffPrograms.build(name,
        (path, layer, shape) -> toNd4j(leaf(params, path), layer));
    assertClose(name + " y", y, sd.forward());
    Map<String, INDArray> sdGrads = sd.gradStep();
    assertEquals(sd.paramNames().size(), sdGrads.size());
    long flaxjFloats = Trees.leaves(params).stream().mapToLong(a -> ((Array) a).size()).sum();
    long sameDiffFloats = sdGrads.values().stream().mapToLong(INDArray::length).sum();
    assertEquals(flaxjFloats, sameDiffFloats, "SameDiff has every flaxj parameter, and no other");
    for (String param : sd.paramNames()) {
      String[] pathLayer = param.split("#");
      Array g = leaf(grads, pathLayer[0]);
      INDArray expected = toNd4j(g, pathLayer.length > 1 ? Integer.parseInt(pathLayer[1]) : -1);
      assertClose(name + " grad " + param, fromNd4j(expected), sdGrads.get(param));
    }
  }

  /** The leaf at {@code path} ("a/b/c") of a tree of nested maps. */
  private static Array leaf(Object tree, String path) {
    Object node = tree;
    for (String key : path.split("/")) {
      node = ((Map<?, ?>) node).get(key);
    }
    return (Array) node;
  }

  /** {@code a} (float32) as an INDArray; with {@code layer >= 0}, its slice {@code a[layer]}. */
  private static INDArray toNd4j(Array a, int layer) {
    long[] shape = Arrays.stream(a.shape().dims()).asLongStream().toArray();
    INDArray x = Nd4j.create(a.toFloatArray(), shape, 'c');
    return layer < 0 ? x : x.get(NDArrayIndex.point(layer)).dup('c');
  }

  private static Array fromNd4j(INDArray x) {
    int[] shape = Arrays.stream(x.shape()).mapToInt(d -> (int) d).toArray();
    return Array.of(x.dup('c').data().asFloat(), shape);
  }

  private static void assertClose(String what, Array expected, INDArray actual) {
    assertEquals(DataType.FLOAT, actual.dataType(), what);
    assertArrayEquals(expected.shape().dims(), Arrays.stream(actual.shape()).mapToInt(d -> (int) d).toArray(),
        what + " shape");
    float[] e = expected.toFloatArray();
    float[] a = actual.dup('c').data().asFloat();
    double scale = 0;
    for (float v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    double worst = 0;
    for (int i = 0; i < e.length; i++) {
      // an all-zero array (a ReLU layer that is off for the input) must be zero in SameDiff too
      worst = Math.max(worst, scale == 0 ? Math.abs(a[i]) : Math.abs(e[i] - a[i]) / scale);
    }
    System.out.printf("[samediff-vs-flaxj] %s: %d floats, largest magnitude %.3g, max relative %.3g%n",
        what, e.length, scale, worst);
    assertTrue(worst <= TOLERANCE, what + ": max relative difference " + worst);
  }
}
