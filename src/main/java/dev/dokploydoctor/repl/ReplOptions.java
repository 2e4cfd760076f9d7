package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.report.Format;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a guided session runs: where the rules come from, the certainty threshold, whether and what
 * to probe, pre-answered questions, and the format of the result printed when the session ends.
 */
public record ReplOptions(Supplier<List<Knowledge.Layer>> layers, double threshold, boolean probe, ProbeTarget target,
                          Duration probeTimeout, Path answers, boolean verbose, Format format) {}
