package dev.flaxj.core;

import java.util.Map;

/**
 * Flax's {@code flax.core.meta.AxisMetadata}: a box around a variable's value that carries static
 * information about its axes. Lifted vmap/scan remove the mapped axis from the metadata before the
 * body ({@link #removeAxis}) and add it back to the outputs ({@link #addAxis}), with the
 * transform's {@code metadata_params}. Implementations are pytree nodes whose only child is the value.
 */
public interface AxisMetadata {
  /** The boxed value. */
  Object unbox();

  /** The same metadata around {@code value}. */
  AxisMetadata replaceBoxed(Object value);

  /** The metadata after a transform added axis {@code index} to the value. */
  AxisMetadata addAxis(int index, Map<String, Object> params);

  /** The metadata inside a transform that maps over axis {@code index}. */
  AxisMetadata removeAxis(int index, Map<String, Object> params);
}
