package dev.flaxj.vectors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Replays {@code jax-vectors/numpy.json} (recorded from jax.numpy and a few jax.lax/nn/scipy functions). */
class NumpyVectorsTest {

  @TestFactory
  Stream<DynamicTest> numpyVectors() {
    return VectorReplay.tests("numpy.json", dispatcher());
  }

  /** Each recorded function name and the Java call that replays it. */
  static Dispatcher dispatcher() {
    Dispatcher d = new Dispatcher();
    binary(d, "add", Jnp::add);
    binary(d, "subtract", Jnp::subtract);
    binary(d, "multiply", Jnp::multiply);
    binary(d, "true_divide", Jnp::trueDivide);
    binary(d, "floor_divide", Jnp::floorDivide);
    binary(d, "remainder", Jnp::remainder);
    binary(d, "power", Jnp::power);
    binary(d, "maximum", Jnp::maximum);
    binary(d, "minimum", Jnp::minimum);
    binary(d, "less", Jnp::less);
    binary(d, "greater_equal", Jnp::greaterEqual);
    binary(d, "equal", Jnp::equal);
    binary(d, "not_equal", Jnp::notEqual);
    binary(d, "logical_and", Jnp::logicalAnd);
    binary(d, "logical_or", Jnp::logicalOr);
    binary(d, "logical_xor", Jnp::logicalXor);
    // Jnp has no bitwise_*: the recorded int32 operands need no promotion, so lax's ops replay them.
    d.on("bitwise_and", a -> Lax.and(a.array("x"), a.array("y")));
    d.on("bitwise_or", a -> Lax.or(a.array("x"), a.array("y")));
    d.on("bitwise_xor", a -> Lax.xor(a.array("x"), a.array("y")));

    unary(d, "negative", Jnp::negative);
    unary(d, "logical_not", Jnp::logicalNot);
    unary(d, "exp", Jnp::exp);
    unary(d, "log", Jnp::log);
    unary(d, "tanh", Jnp::tanh);
    unary(d, "sqrt", Jnp::sqrt);
    unary(d, "log1p", Jnp::log1p);
    unary(d, "expm1", Jnp::expm1);
    unary(d, "sin", Jnp::sin);
    unary(d, "cos", Jnp::cos);
    unary(d, "abs", Jnp::abs);
    unary(d, "sign", Jnp::sign);
    unary(d, "floor", Jnp::floor);
    unary(d, "ceil", Jnp::ceil);
    unary(d, "round", Jnp::round);
    unary(d, "square", Jnp::square);
    // jax.nn.sigmoid is lax.logistic; jax.scipy.special.erf/erfinv are lax.erf/erf_inv on float32.
    d.on("nn.sigmoid", a -> Lax.logistic(a.array("x")));
    d.on("special.erf", a -> Lax.erf(a.array("x")));
    d.on("special.erfinv", a -> Lax.erfInv(a.array("x")));
    d.on("lax.rsqrt", a -> Lax.rsqrt(a.array("x")));

    d.on("arange", a -> Jnp.arange(number(a, "start"), number(a, "stop"), number(a, "step"),
        a.has("dtype") ? a.dtype("dtype") : null));
    d.on("linspace", a -> Jnp.linspace(a.operand("start").item(), a.operand("stop").item(),
        a.integer("num"), a.bool("endpoint")));
    d.on("eye", a -> {
      int n = a.integer("N");
      int m = a.has("M") && !a.isNone("M") ? a.integer("M") : n;
      int k = a.has("k") ? a.integer("k") : 0;
      return a.has("dtype") ? Jnp.eye(n, m, k, a.dtype("dtype")) : Jnp.eye(n, m, k);
    });
    d.on("full", a -> a.has("dtype")
        ? Jnp.full(a.ints("shape"), a.arrayLike("fill_value"), a.dtype("dtype"))
        : Jnp.full(a.ints("shape"), a.arrayLike("fill_value")));
    d.on("zeros", a -> Jnp.zeros(a.ints("shape"), a.dtype("dtype")));
    d.on("ones", a -> Jnp.ones(a.ints("shape"), a.dtype("dtype")));
    d.on("zeros_like", a -> Jnp.zerosLike(a.array("a")));
    d.on("ones_like", a -> Jnp.onesLike(a.array("a")));
    d.on("full_like", a -> Jnp.fullLike(a.array("a"), a.arrayLike("fill_value")));

    d.on("sum", a -> Jnp.sum(a.array("x"), a.axes("axis"), keepdims(a)));
    d.on("mean", a -> Jnp.mean(a.array("x"), a.axes("axis"), keepdims(a)));
    d.on("max", a -> Jnp.max(a.array("x"), a.axes("axis"), keepdims(a)));
    d.on("min", a -> Jnp.min(a.array("x"), a.axes("axis"), keepdims(a)));
    d.on("prod", a -> Jnp.prod(a.array("x"), a.axes("axis"), keepdims(a)));
    d.on("var", a -> Jnp.var(a.array("x"), a.axes("axis"), a.has("ddof") ? a.integer("ddof") : 0,
        keepdims(a)));
    d.on("argmax", a -> Jnp.argmax(a.array("x"), optionalInt(a, "axis"), keepdims(a)));
    d.on("argmin", a -> Jnp.argmin(a.array("x"), optionalInt(a, "axis"), keepdims(a)));
    d.on("cumsum", a -> a.isNone("axis")
        ? Jnp.cumsum(a.array("x")) : Jnp.cumsum(a.array("x"), a.integer("axis")));

    d.on("where", a -> Jnp.where(a.arrayLike("condition"), a.arrayLike("x"), a.arrayLike("y")));
    d.on("clip", a -> Jnp.clip(a.arrayLike("x"), a.has("min") ? a.arrayLike("min") : null,
        a.has("max") ? a.arrayLike("max") : null));
    d.on("triu", a -> Jnp.triu(a.array("m"), a.integer("k")));
    d.on("tril", a -> Jnp.tril(a.array("m"), a.integer("k")));

    d.on("matmul", a -> Jnp.matmul(a.operand("a"), a.operand("b")));
    d.on("dot", a -> Jnp.dot(a.operand("a"), a.operand("b")));
    d.on("einsum", a -> Jnp.einsum(a.string("subscripts"), a.arrays("operands").toArray(new Value[0])));

    d.on("reshape", a -> Jnp.reshape(a.array("a"), a.ints("shape")));
    d.on("ravel", a -> Jnp.ravel(a.array("a")));
    d.on("transpose", a -> a.isNone("axes")
        ? Jnp.transpose(a.array("a")) : Jnp.transpose(a.array("a"), a.ints("axes")));
    d.on("swapaxes", a -> Jnp.swapaxes(a.array("a"), a.integer("axis1"), a.integer("axis2")));
    d.on("moveaxis", a -> Jnp.moveaxis(a.array("a"), a.axes("source"), a.axes("destination")));
    d.on("squeeze", a -> a.isNone("axis")
        ? Jnp.squeeze(a.array("a")) : Jnp.squeeze(a.array("a"), a.axes("axis")));
    d.on("expand_dims", a -> Jnp.expandDims(a.array("a"), a.axes("axis")));
    d.on("concatenate", NumpyVectorsTest::concatenate);
    d.on("stack", a -> Jnp.stack(a.arrays("arrays"), a.integer("axis")));
    d.on("split", a -> a.isList("indices_or_sections")
        ? Jnp.split(a.array("ary"), a.ints("indices_or_sections"), a.integer("axis"))
        : Jnp.split(a.array("ary"), a.integer("indices_or_sections"), a.integer("axis")));

    d.on("getitem", a -> Jnp.index(a.array("x"), index(a.list("index"))));
    d.on("at_set", a -> Jnp.at(a.array("x"), index(a.list("index"))).set(a.arrayLike("values")));
    d.on("at_add", a -> Jnp.at(a.array("x"), index(a.list("index"))).add(a.arrayLike("values")));
    return d;
  }

  private static void binary(Dispatcher d, String fn, BiFunction<Object, Object, Value> op) {
    d.on(fn, a -> op.apply(a.arrayLike("x"), a.arrayLike("y")));
  }

  private static void unary(Dispatcher d, String fn, Function<Object, Value> op) {
    d.on(fn, a -> op.apply(a.arrayLike("x")));
  }

  private static boolean keepdims(CaseArgs a) {
    return a.has("keepdims") && a.bool("keepdims");
  }

  private static Integer optionalInt(CaseArgs a, String name) {
    return a.isNone(name) ? null : a.integer(name);
  }

  /** A Python int or float argument of {@code arange} as Integer or Double; absent is null. */
  private static Number number(CaseArgs a, String name) {
    return a.has(name) ? (Number) a.arrayLike(name) : null;
  }

  /** {@code axis=None} concatenates the flattened arrays (numpy's definition); Jnp takes an int axis. */
  private static Value concatenate(CaseArgs a) {
    List<Value> arrays = new ArrayList<>(a.arrays("arrays"));
    if (!a.isNone("axis")) {
      return Jnp.concatenate(arrays, a.integer("axis"));
    }
    arrays.replaceAll(Jnp::ravel);
    return Jnp.concatenate(arrays, 0);
  }

  /** The recorded index tuple as {@link Index} items. */
  static Index[] index(JsonArray items) {
    Index[] out = new Index[items.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = indexItem(items.get(i));
    }
    return out;
  }

  private static Index indexItem(JsonElement e) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      return Index.at(e.getAsInt());
    }
    if (e.isJsonPrimitive()) {
      switch (e.getAsString()) {
        case "newaxis": return Index.NEW_AXIS;
        case "...": return Index.ELLIPSIS;
        default: throw new IllegalArgumentException("unknown index item " + e);
      }
    }
    if (e.isJsonObject() && e.getAsJsonObject().has("slice")) {
      JsonArray s = e.getAsJsonObject().getAsJsonArray("slice");
      return Index.slice(boxed(s.get(0)), boxed(s.get(1)), boxed(s.get(2)));
    }
    return Index.array(Encoding.array(e));
  }

  private static Integer boxed(JsonElement e) {
    return e.isJsonNull() ? null : e.getAsInt();
  }
}
