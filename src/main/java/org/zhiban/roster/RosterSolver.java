package org.zhiban.roster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.PillarSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
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
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                                new ChangeMoveSelectorConfig(), new SwapMoveSelectorConfig(),
                                // Two people exchanging all their shifts at once: with 24 h rest, two leaders
                                // alternate day by day, and only this turns the whole alternation around when a
                                // fixed shift next month needs the other one on the last day.
                                new PillarSwapMoveSelectorConfig())))
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

    /**
     * Solves at once, stopping at the limit or after {@code unimproved} without a better roster; says also when the
     * first complete roster (every position filled, no rule broken) was found, as the rest is only fairness.
     */
    Solved solve(RosterPlan plan, Duration limit, Duration unimproved) {
        Solver<RosterPlan> solver = factory.buildSolver(new SolverConfigOverride<RosterPlan>()
                .withTerminationConfig(termination(limit, unimproved)));
        AtomicLong completeAfterMillis = new AtomicLong(-1);
        solver.addEventListener(event -> {
            if (completeAfterMillis.get() < 0 && complete(event.getNewBestSolution().getScore())) {
                completeAfterMillis.set(event.getTimeMillisSpent());
            }
        });
        RosterPlan best = solver.solve(plan);
        return new Solved(best, completeAfterMillis.get() < 0 ? null : Duration.ofMillis(completeAfterMillis.get()));
    }

    static boolean complete(HardMediumSoftLongScore score) {
        return score.isSolutionInitialized() && score.hardScore() == 0 && score.mediumScore() == 0;
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

    /** The best roster found, and how long the solver took to the first one without violations, if it got there. */
    record Solved(RosterPlan best, Duration completeAfter) {
    }

    @Override
    public void destroy() {
        jobs.close();
    }
}
