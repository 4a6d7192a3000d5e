package org.zhiban.roster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.zhiban.roster.solver.RosterConstraints;
import org.zhiban.roster.solver.RosterPlan;
import org.zhiban.roster.solver.RuleBreach;
import org.zhiban.roster.solver.Slot;

/**
 * Timefold, configured by hand (its Spring Boot starter does not run on Boot 4): analysing a roster against the
 * constraints, and solving — at once, or as a job whose progress a page follows and which it can stop.
 */
@Component
class RosterSolver implements DisposableBean {

    private final SolverFactory<RosterPlan> factory;
    private final SolutionManager<RosterPlan, HardMediumSoftLongScore> solutions;
    private final SolverManager<RosterPlan, UUID> jobs;

    RosterSolver() {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RosterPlan.class)
                .withEntityClasses(Slot.class)
                .withConstraintProviderClass(RosterConstraints.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(60)));
        this.factory = SolverFactory.create(config);
        this.solutions = SolutionManager.create(factory);
        this.jobs = SolverManager.create(factory, new SolverManagerConfig().withParallelSolverCount("1"));
    }

    /** What the roster breaks, rule by rule. */
    List<RuleBreach> breaches(RosterPlan plan) {
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutions.analyze(plan);
        List<RuleBreach> breaches = new ArrayList<>();
        for (ConstraintAnalysis<HardMediumSoftLongScore> constraint : analysis.constraintAnalyses()) {
            if (constraint.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftLongScore> match : constraint.matches()) {
                if (match.justification() instanceof RuleBreach breach) {
                    breaches.add(breach);
                }
            }
        }
        return breaches;
    }

    HardMediumSoftLongScore score(RosterPlan plan) {
        return solutions.update(plan);
    }

    /** Solves at once, stopping at the limit or after {@code unimproved} without a better roster. */
    RosterPlan solve(RosterPlan plan, Duration limit, Duration unimproved) {
        Solver<RosterPlan> solver = factory.buildSolver(new SolverConfigOverride<RosterPlan>()
                .withTerminationConfig(termination(limit, unimproved)));
        return solver.solve(plan);
    }

    /** Solves in the background, telling {@code progress} of each better roster and {@code done} of the last. */
    void start(UUID jobId, RosterPlan plan, Duration limit, Duration unimproved, Consumer<RosterPlan> progress,
            Consumer<RosterPlan> done, Consumer<Throwable> failed) {
        jobs.solveBuilder()
                .withProblemId(jobId)
                .withProblem(plan)
                .withConfigOverride(new SolverConfigOverride<RosterPlan>()
                        .withTerminationConfig(termination(limit, unimproved)))
                .withBestSolutionConsumer(progress)
                .withFinalBestSolutionConsumer(done)
                .withExceptionHandler((id, e) -> failed.accept(e))
                .run();
    }

    void stop(UUID jobId) {
        jobs.terminateEarly(jobId);
    }

    private static TerminationConfig termination(Duration limit, Duration unimproved) {
        return new TerminationConfig().withSpentLimit(limit).withUnimprovedSpentLimit(unimproved);
    }

    @Override
    public void destroy() {
        jobs.close();
    }
}
