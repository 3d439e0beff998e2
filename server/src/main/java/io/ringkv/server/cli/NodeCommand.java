package io.ringkv.server.cli;

import io.ringkv.server.config.NodeConfig;
import io.ringkv.server.config.NodeConfigLoader;
import io.ringkv.server.node.RingKvNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code node}: runs one node in the foreground until SIGTERM or Ctrl-C, which close it cleanly
 * (stop accepting, let in-flight requests finish, flush and close storage).
 */
@Command(
        name = "node",
        description = "Run one RingKV node. Flags override the YAML file; every setting is in docs/configuration.md.")
public final class NodeCommand implements Callable<Integer> {

    @Option(names = "--config", description = "YAML configuration file")
    Path configFile;

    @Option(names = "--id", description = "node id (node-id)")
    String nodeId;

    @Option(names = "--host", description = "address to bind and advertise (host)")
    String host;

    @Option(names = "--port", description = "binary protocol port (port)")
    Integer port;

    @Option(names = "--http-port", description = "HTTP API port (http-port)")
    Integer httpPort;

    @Option(names = "--data-dir", description = "data folder (data-dir)")
    Path dataDirectory;

    @Option(names = "--seeds", split = ",", description = "host:port of seed nodes (seeds)")
    List<String> seeds;

    @Option(names = "--rack", description = "rack or zone, for rack-distinct replicas (rack)")
    String rack;

    @Option(names = "--set", description = "any setting as key=value, e.g. --set storage.engine=rocksdb")
    Map<String, String> settings = Map.of();

    @Override
    public Integer call() throws Exception {
        NodeConfigLoader loader = new NodeConfigLoader();
        if (configFile != null) {
            loader.withYaml(configFile);
        }
        loader.with("node-id", nodeId)
                .with("host", host)
                .with("port", port == null ? null : port.toString())
                .with("http-port", httpPort == null ? null : httpPort.toString())
                .with("data-dir", dataDirectory == null ? null : dataDirectory.toString())
                .with("seeds", seeds == null ? null : String.join(",", seeds))
                .with("rack", rack);
        settings.forEach(loader::with);
        NodeConfig config = loader.build();
        RingKvNode node = RingKvNode.start(config);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            node.close();
                            closed.countDown();
                        },
                        "node-shutdown"));
        closed.await();
        return 0;
    }
}
