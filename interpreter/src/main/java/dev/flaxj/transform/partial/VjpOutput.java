package dev.flaxj.transform.partial;

import dev.flaxj.transform.TreeFunction;

/**
 * What {@link Vjp#vjp} returns: the primal output (a pytree), the VJP function, which maps one
 * cotangent of the output's structure to a {@link dev.flaxj.tree.Tuple} with one cotangent per
 * primal argument, and with {@code has_aux} the auxiliary data (else null). The cotangent of an
 * integer, bool or key argument is a {@link dev.flaxj.transform.jvp.Zero} (JAX's float0 zeros).
 */
public record VjpOutput(Object primalOut, TreeFunction vjpFn, Object aux) {}
