package dev.flaxj.transform.partial;

import dev.flaxj.transform.TreeFunction;

/**
 * What {@link Linearize#linearize} returns: the primal output (a pytree), the linearized
 * function, which maps tangents of the primals' structure (one positional argument per primal)
 * to the output tangent, and with {@code has_aux} the auxiliary data (else null).
 */
public record LinearizeOutput(Object primalOut, TreeFunction jvpFn, Object aux) {}
