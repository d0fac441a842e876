package dev.flaxj.transform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * JAX's errors for bad control-flow arguments. Expected messages are from jax 0.10.2, without
 * the lines that name Python functions ("true_fun is &lt;lambda&gt; at file:line"), and with
 * "the input carry" where JAX names the Python carry parameter ("the input carry c").
 */
class ControlFlowErrorsTest {
  private static final Value F = Array.scalar(1f);

  private static void typeError(String message, Executable call) {
    assertEquals(message, assertThrows(ControlFlowTypeError.class, call).getMessage());
  }

  private static void valueError(String message, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(IllegalArgumentException.class, e.getClass());
    assertEquals(message, e.getMessage());
  }

  private static Value toInt(Object x) {
    return Lax.convertElementType((Value) x, DType.INT32);
  }

  @Test
  void condBranchTypes() {
    typeError("cond branches must have equal output types but they differ.\n\n"
        + "The output of true_fun has type float32[] but the corresponding output of false_fun has "
        + "type int32[], so the dtypes do not match.\n\n"
        + "Revise true_fun and/or false_fun so that all output types match.",
        () -> ControlFlow.cond(true, a -> a[0], a -> toInt(a[0]), F));
    typeError("cond branches must have equal output types but they differ.\n\n"
        + "The output of true_fun has type float32[] but the corresponding output of false_fun has "
        + "type float32[3], so the shapes do not match.\n\n"
        + "Revise true_fun and/or false_fun so that all output types match.",
        () -> ControlFlow.cond(true, a -> a[0], a -> Jnp.ones(3), F));
    typeError("cond branches must have equal output types but they differ.\n\n"
        + "  * the output of true_fun at path [0] has type float32[] but the corresponding output of "
        + "false_fun has type int32[], so the dtypes do not match;\n"
        + "  * the output of true_fun at path [1] has type float32[] but the corresponding output of "
        + "false_fun has type float32[2], so the shapes do not match.\n\n"
        + "Revise true_fun and/or false_fun so that all output types match.",
        () -> ControlFlow.cond(true, a -> Tuple.of(a[0], a[0]), a -> Tuple.of(toInt(a[0]), Jnp.ones(2)), F));
  }

  @Test
  void condBranchStructures() {
    ControlFlowTypeError e = assertThrows(ControlFlowTypeError.class,
        () -> ControlFlow.cond(true, a -> Tuple.of(a[0], a[0]), a -> a[0], F));
    assertEquals("cond branch outputs must have the same pytree structure, but they differ:\n\n"
        + "true_fun output has pytree structure PyTreeDef((*, *)) but false_fun output has pytree "
        + "structure PyTreeDef(*).\n\n"
        + "Revise true_fun and/or false_fun so that they have the same pytree structure.", e.getMessage());
  }

  @Test
  void switchBranchTypes() {
    // JAX writes "branch1" (no space) for every branch after the first.
    typeError("switch branches must have equal output types but they differ.\n\n"
        + "The output of branch 0 has type float32[] but the corresponding output of branch1 has "
        + "type int32[], so the dtypes do not match.\n\n"
        + "Revise branch 0 and/or branch1 so that all output types match.",
        () -> ControlFlow.switchCase(1, List.<TreeFunction>of(a -> a[0], a -> toInt(a[0]), a -> a[0]), F));
    typeError("switch branches must have equal output types but they differ.\n\n"
        + "The output of branch 0 has type float32[] but the corresponding output of branch2 has "
        + "type float32[3], so the shapes do not match.\n\n"
        + "Revise branch 0 and/or branch2 so that all output types match.",
        () -> ControlFlow.switchCase(1, List.<TreeFunction>of(a -> a[0], a -> a[0], a -> Jnp.ones(3)), F));
  }

  @Test
  void predicateAndIndexChecks() {
    // JAX prints the array with str() ("[ True False]"); flaxj arrays print their repr.
    typeError("Pred must be a scalar, got Array([True, False], dtype=bool) of shape (2,).",
        () -> ControlFlow.cond(Array.of(new boolean[] {true, false}, 2), a -> F, a -> F));
    typeError("cond predicate is None", () -> ControlFlow.cond(null, a -> F, a -> F));
    typeError("Index type must be an integer, got 1.0 as float32",
        () -> ControlFlow.switchCase(1.0, List.<TreeFunction>of(a -> F, a -> F)));
    typeError("Index type must be an integer, got True as bool",
        () -> ControlFlow.switchCase(true, List.<TreeFunction>of(a -> F, a -> F)));
    typeError("Branch index must be scalar, got Array([1], dtype=int32) of shape (1,).",
        () -> ControlFlow.switchCase(Array.of(new int[] {1}, 1), List.<TreeFunction>of(a -> F, a -> F)));
    valueError("Empty branch sequence", () -> ControlFlow.switchCase(0, List.of()));
  }

  @Test
  void whileLoopCarryAndCondition() {
    typeError("while_loop body function carry input and carry output must have equal types, but they "
        + "differ:\n\nThe input carry has type int32[] but the corresponding output carry component has "
        + "type float32[], so the dtypes do not match.\n\n"
        + "Revise the function so that all output types match the corresponding input types.",
        () -> ControlFlow.whileLoop(a -> Jnp.less(a[0], 3), a -> Lax.convertElementType((Value) a[0], DType.FLOAT32),
            Array.scalar(0)));
    typeError("while_loop body function carry input and carry output must have equal types, but they "
        + "differ:\n\nThe input carry has type float32[2] but the corresponding output carry component has "
        + "type float32[3], so the shapes do not match.\n\n"
        + "Revise the function so that all output types match the corresponding input types.",
        () -> ControlFlow.whileLoop(a -> Array.scalar(false), a -> Jnp.ones(3), Jnp.zeros(2)));
    typeError("cond_fun must return a boolean scalar, but got output type(s) [ShapedArray(float32[2])].",
        () -> ControlFlow.whileLoop(a -> a[0], a -> a[0], Jnp.zeros(2)));
    typeError("cond_fun must return a boolean scalar, but got pytree PyTreeDef((*, *)).",
        () -> ControlFlow.whileLoop(a -> Tuple.of(Array.scalar(true), Array.scalar(true)), a -> a[0], F));
  }

  @Test
  void scanCarryChecks() {
    typeError("scan body function carry input and carry output must have equal types, but they differ:\n\n"
        + "The input carry has type float32[] but the corresponding output carry component has type "
        + "int32[], so the dtypes do not match.\n\n"
        + "Revise the function so that all output types match the corresponding input types.",
        () -> ControlFlow.scan(a -> Tuple.of(toInt(a[0]), a[1]), F, Jnp.ones(3)));
    typeError("scan body function carry input and carry output must have equal types, but they differ:\n\n"
        + "  * the input carry at path [0] has type float32[] but the corresponding output carry "
        + "component has type int32[], so the dtypes do not match;\n"
        + "  * the input carry at path [1] has type float32[2] but the corresponding output carry "
        + "component has type float32[1], so the shapes do not match.\n\n"
        + "Revise the function so that all output types match the corresponding input types.",
        () -> ControlFlow.scan(a -> {
          Tuple c = (Tuple) a[0];
          return Tuple.of(Tuple.of(toInt(c.get(0)), Lax.slice((Value) c.get(1), new int[] {0}, new int[] {1})), a[1]);
        }, Tuple.of(F, Jnp.ones(2)), Jnp.ones(3)));
    typeError("scan body function carry input and carry output must have equal types, but they differ:\n\n"
        + "The input carry has type float32[2] but the corresponding output carry component has type "
        + "int32[1], so the dtypes do not match, and the shapes do not match.\n\n"
        + "Revise the function so that all output types match the corresponding input types.",
        () -> ControlFlow.scan(a -> Tuple.of(toInt(Lax.slice((Value) a[0], new int[] {0}, new int[] {1})), a[1]),
            Jnp.ones(2), Jnp.ones(3)));
    typeError("scan body output must be a pair, got float32[].",
        () -> ControlFlow.scan(a -> a[0], F, Jnp.ones(3)));
    ControlFlowTypeError e = assertThrows(ControlFlowTypeError.class,
        () -> ControlFlow.scan(a -> Tuple.of(Tuple.of(a[0]), a[1]), F, Jnp.ones(3)));
    assertEquals("scan body function carry input and carry output must have the same pytree structure, "
        + "but they differ:\n\nthe input tree structure is:\nPyTreeDef(*)\nthe output tree structure is:\n"
        + "PyTreeDef((*,))\n\nRevise the function so that the carry output has the same pytree structure "
        + "as the carry input.", e.getMessage());
  }

  @Test
  void scanLengthAndUnroll() {
    TreeFunction id = a -> Tuple.of(a[0], a[1]);
    valueError("scan got `length` argument of 4 which disagrees with leading axis sizes [3].",
        () -> ControlFlow.scan(id, F, Jnp.ones(3), 4));
    valueError("scan got values with different leading axis sizes: 3, 4.",
        () -> ControlFlow.scan(id, F, Tuple.of(Jnp.ones(3), Jnp.ones(4))));
    valueError("scan got no values to scan over and `length` not provided.",
        () -> ControlFlow.scan(id, F, null));
    valueError("`unroll` must be a `bool` or a non-negative `int`.",
        () -> ControlFlow.scan(id, F, Jnp.ones(3), null, false, -1));
  }

  @Test
  void foriLoopBounds() {
    typeError("lower and upper arguments to fori_loop must have equal types, got int32 and uint32",
        () -> ControlFlow.foriLoop(Array.scalar(0), Array.ofUint32(new int[] {3}), a -> a[1], F));
    // a weak bound takes the other's type
    assertEquals(3f, ((Array) ControlFlow.foriLoop(0, Array.scalar(3), a -> Jnp.add(a[1], 1f), Array.scalar(0f))).item());
    valueError("Can only use `unroll` in `fori_loop` if the loop bounds are statically known.",
        () -> ControlFlow.cond(true,
            a -> ControlFlow.foriLoop(0, a[0], b -> b[1], F, 2), a -> F, Array.scalar(3)));
  }
}
