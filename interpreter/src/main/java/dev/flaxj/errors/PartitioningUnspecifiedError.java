package dev.flaxj.errors;

/** A {@code Partitioned} variable was lifted through vmap/scan without {@code partition_name} in {@code metadata_params}. */
public final class PartitioningUnspecifiedError extends FlaxError {
  public PartitioningUnspecifiedError(Object target) {
    super("Trying to transform a Partitioned variable but \"partition_name\" is not specified in metadata_params: "
        + target, "PartitioningUnspecifiedError");
  }
}
