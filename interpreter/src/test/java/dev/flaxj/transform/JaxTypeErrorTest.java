package dev.flaxj.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.transform.control.ControlFlowTypeError;
import dev.flaxj.transform.custom.CustomVjp;
import dev.flaxj.tree.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Where JAX raises {@code TypeError} the core throws {@link JaxTypeError}; where JAX raises
 * {@code ValueError} a plain {@link IllegalArgumentException}. Classes and messages observed with
 * jax 0.10.2 (the literal messages below come from it).
 */
class JaxTypeErrorTest {
  private static String typeError(Executable body) {
    return assertThrows(JaxTypeError.class, body).getMessage();
  }

  private static String valueError(Executable body) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, body);
    assertFalse(e instanceof JaxTypeError, "JAX raises ValueError here: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void jvpStructureAndDtypeMismatchesAreTypeErrors() {
    TreeFunction f = a -> a[0];
    // from jax 0.10.2: TypeError
    assertEquals("primal and tangent arguments to jax.jvp must have the same tree structure; "
        + "primals have tree structure PyTreeDef((*, *)) whereas tangents have tree structure "
        + "PyTreeDef((*,)).",
        typeError(() -> Jax.jvp(f, new Object[] {1.0, 2.0}, new Object[] {1.0})));
    // from jax 0.10.2: TypeError
    assertEquals("primal and tangent arguments to jax.jvp do not match; dtypes must be equal, or "
        + "in case of int/bool primal dtype the tangent dtype must be float0.Got primal dtype "
        + "float32 and so expected tangent dtype float32, but got tangent dtype int32 instead.",
        typeError(() -> Jax.jvp(f, new Object[] {Jnp.ones(new int[0])},
            new Object[] {Jnp.ones(new int[0], DType.INT32)})));
    // from jax 0.10.2: ValueError
    assertEquals("jvp called with different primal and tangent shapes;Got primal shape (2,) and "
        + "tangent shape as (3,)",
        valueError(() -> Jax.jvp(f, new Object[] {Jnp.ones(2)}, new Object[] {Jnp.ones(3)})));
  }

  @Test
  void gradOutputAndInputChecksAreTypeErrors() {
    // from jax 0.10.2: TypeError
    assertEquals("Gradient only defined for scalar-output functions. Output had shape: (2,).",
        typeError(() -> Jax.grad(a -> a[0]).apply(Jnp.ones(2))));
    assertTrue(typeError(() -> Jax.grad(a -> Tuple.of(a[0], a[0])).apply(1.0))
        .startsWith("Gradient only defined for scalar-output functions. Output was ("));
    // from jax 0.10.2: TypeError
    assertEquals("grad requires real-valued outputs (output dtype that is a sub-dtype of "
        + "np.floating), but got int32. For differentiation of functions with integer outputs, "
        + "use jax.vjp directly.",
        typeError(() -> Jax.grad(a -> Jnp.astype((Value) a[0], DType.INT32)).apply(1.0)));
    // from jax 0.10.2: TypeError
    assertEquals("grad requires real- or complex-valued inputs (input dtype that is a sub-dtype "
        + "of np.inexact), but got int32. If you want to use Boolean- or integer-valued inputs, "
        + "use vjp or set allow_int to True.", typeError(() -> Jax.grad(a -> a[0]).apply(1)));
    // from jax 0.10.2: TypeError
    assertEquals("differentiating with respect to argnums=3 requires at least 4 positional "
        + "arguments to be passed by the caller, but got only 2 positional arguments.",
        typeError(() -> Jax.grad(a -> a[0]).argnums(3).apply(1.0, 2.0)));
    // from jax 0.10.2: TypeError
    assertTrue(typeError(() -> Jax.grad(a -> Tuple.of(a[0], 1, 2)).hasAux(true).apply(1.0))
        .startsWith("expected function with aux output to return a two-element tuple, but got "
            + "type <class 'tuple'>"));
  }

  @Test
  void jacobiansRejectIntegersWithTypeErrors() {
    // from jax 0.10.2: TypeError
    assertTrue(typeError(() -> Jax.jacfwd(a -> a[0]).apply(1)).startsWith("jacfwd requires "
        + "real-valued inputs (input dtype that is a sub-dtype of np.floating), but got int32."));
    // from jax 0.10.2: TypeError
    assertEquals("jacrev requires real-valued outputs (output dtype that is a sub-dtype of "
        + "np.floating), but got int32. For differentiation of functions with integer outputs, "
        + "use jax.vjp directly.",
        typeError(() -> Jax.jacrev(a -> Jnp.astype((Value) a[0], DType.INT32)).apply(1.0)));
  }

  @Test
  void customVjpBwdStructureIsATypeErrorAndItsTypesAValueError() {
    CustomVjp structure = Jax.customVjp(a -> Jnp.multiply(a[0], a[1]));
    structure.defvjp(a -> Tuple.of(Jnp.multiply(a[0], a[1]), Tuple.of(a[0], a[1])),
        a -> Tuple.of(a[1]));
    // from jax 0.10.2: TypeError
    assertEquals("Custom VJP bwd rule must produce an output with the same container (pytree) "
        + "structure as the args tuple of the primal function, and in particular must produce a "
        + "tuple of length equal to the number of arguments to the primal function, but got bwd "
        + "output structure PyTreeDef((*,)) for primal input structure PyTreeDef((*, *)).",
        typeError(() -> Jax.grad(structure).apply(1.0, 2.0)));
    CustomVjp types = Jax.customVjp(a -> Jnp.multiply(a[0], a[1]));
    types.defvjp(a -> Tuple.of(Jnp.multiply(a[0], a[1]), Tuple.of(a[0], a[1])),
        a -> Tuple.of(a[1], Jnp.ones(2)));
    // from jax 0.10.2: ValueError
    assertEquals("Custom VJP bwd rule must produce an output with the same type as the args "
        + "tuple of the primal function, but at output[1] the bwd rule produced an output of type "
        + "float32[2] corresponding to an input of type float32[], so the shapes do not match",
        valueError(() -> Jax.grad(types).apply(1.0, 2.0)));
  }

  @Test
  void customJvpRuleOutputsAreTypeErrors() {
    var c = Jax.customJvp(a -> a[0]);
    c.defjvp(a -> Tuple.of(((Tuple) a[0]).get(0), Jnp.ones(2)));
    // from jax 0.10.2: TypeError
    assertEquals("Custom JVP rule must produce primal and tangent outputs with corresponding "
        + "shapes and dtypes. Expected float32[] (tangent type of float32[]) but got float32[2].",
        typeError(() -> Jax.jvp(c, new Object[] {1.0}, new Object[] {1.0})));
  }

  @Test
  void linearizeAndVjpFunctionsCheckTheirArguments() {
    // from jax 0.10.2: TypeError
    assertEquals("expected PyTreeDef((*,)), got PyTreeDef(((*,),))",
        typeError(() -> Jax.linearize(a -> a[0], 1.0).jvpFn().apply(Tuple.of(1.0))));
    // from jax 0.10.2: ValueError
    assertTrue(valueError(() -> Jax.vjp(a -> a[0], 1.0).vjpFn().apply(Jnp.ones(2)))
        .startsWith("unexpected JAX type (e.g. shape/dtype) for argument to VJP function"));
  }

  @Test
  void vmapAxisSpecsOfTheWrongKindAreTypeErrors() {
    // from jax 0.10.2: TypeError
    assertEquals("vmap in_axes must be an int, None, or (nested) container with those types as "
        + "leaves, but got (1.5,).", typeError(() -> Jax.vmap(a -> a[0], Tuple.of(1.5), 0)));
    // from jax 0.10.2: ValueError
    assertTrue(valueError(() -> Jax.vmap(a -> a[0], Tuple.of(0, 0), 0).apply(Jnp.ones(2)))
        .endsWith("but got len(in_axes)=2, len(args)=1"));
  }

  @Test
  void jitRejectsNonArrayArgumentsWithATypeError() {
    assertTrue(typeError(() -> Jax.jit(a -> a[0]).apply("a"))
        .startsWith("Error interpreting argument to "));
  }

  @Test
  void controlFlowTypeErrorsAreJaxTypeErrors() {
    JaxTypeError e = assertThrows(ControlFlowTypeError.class, () -> ControlFlow.cond(true,
        a -> Tuple.of(a[0], a[0]), a -> a[0], 1.0));
    assertTrue(e.getMessage().startsWith("cond branch outputs must have the same pytree "
        + "structure"), e.getMessage());
  }
}
