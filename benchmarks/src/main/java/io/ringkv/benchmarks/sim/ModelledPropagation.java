package io.ringkv.benchmarks.sim;

import io.ringkv.server.membership.FailureDetectorConfig;
import io.ringkv.server.membership.GossiperConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Rounds to spread a join and a death in the {@link RumorSpreadModel} for one cluster size, over several
 * seeded trials.
 *
 * @param nodes cluster size
 * @param joinRounds per trial: until every node holds the newcomer's state
 * @param deathRounds per trial: until every node has convicted the victim
 */
public record ModelledPropagation(int nodes, List<Double> joinRounds, List<Double> deathRounds) {

    public ModelledPropagation {
        joinRounds = List.copyOf(joinRounds);
        deathRounds = List.copyOf(deathRounds);
    }

    /** Runs {@code trials} joins and deaths with the server's default gossip and detector settings. */
    public static ModelledPropagation run(int nodes, long seed, NetworkConditions conditions, int trials) {
        List<Double> joins = new ArrayList<>();
        List<Double> deaths = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            RumorSpreadModel model = new RumorSpreadModel(
                    nodes,
                    seed + trial,
                    conditions,
                    GossiperConfig.DEFAULT_FANOUT,
                    GossiperConfig.DEFAULT_GOSSIP_INTERVAL_MILLIS * 1_000_000L,
                    FailureDetectorConfig.DEFAULTS);
            joins.add(model.joinRounds());
            deaths.add(model.deathRounds());
        }
        return new ModelledPropagation(nodes, joins, deaths);
    }
}
