/**
 * <b>Unstable</b>: {@code evaluate} in parts and the sums it merges, for ganinv's Spark jobs
 * (real image sets measured per partition). These types may change with the jobs; a program
 * should use {@link ganinv.api.GanRun#evaluate} instead.
 */
package ganinv.api.spark;
