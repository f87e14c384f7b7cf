import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Starts de.bwaldvogel:mongo-java-server for scripts/lib/mongo-java-server.ts, compiled there on first use.
 *
 * <pre>java -cp 'lib/*:classes' JsbMongoServer --port N [--file path/to/data.mv.db]</pre>
 *
 * In memory without --file (the tests), in an H2 MVStore file with it (`npm start`, the database-restart drill).
 * Prints "listening on 127.0.0.1:PORT" once it accepts connections (port 0 picks a free one). Stops on SIGTERM,
 * closing the H2 file cleanly, and when its standard input closes, so a parent that dies leaves no server behind.
 *
 * Why a launcher at all: the stock server reports maxWireVersion 8 (its MONGO_5_0 setting), and the Node driver 7
 * refuses any server below wire version 9 (MongoDB 4.4). It reports exactly 9, the lowest the driver accepts, so
 * the driver never sends a command that only newer servers understand.
 */
public final class JsbMongoServer {

    private static final MongoVersion MONGODB_4_4 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    };

    public static void main(String[] args) {
        int port = 0;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--file" -> file = args[++i];
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: JsbMongoServer --port N [--file path]");
                    System.exit(2);
                }
            }
        }
        MongoBackend backend = file == null ? new MemoryBackend() : new H2Backend(file);
        backend.version(MONGODB_4_4);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "jsb-shutdown"));
        System.out.println("listening on 127.0.0.1:" + server.getLocalAddress().getPort());
        System.out.flush();
        exitWhenStdinCloses();
    }

    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // nothing is read from the parent; only the end of the stream matters
                }
            } catch (IOException ignored) {
                // a broken pipe is a parent gone too
            }
            System.exit(0);
        }, "jsb-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
