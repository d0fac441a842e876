package dev.flaxj.transform.jvp;

/**
 * What {@link Jvp#jvp} returns: the primal output and the tangent output, two pytrees of the
 * function's output structure, and with {@code has_aux} the auxiliary data (else null). The
 * tangent of an integer or bool output is a {@link Zero} (JAX's float0 zeros).
 */
public record JvpOutput(Object primalOut, Object tangentOut, Object aux) {}
