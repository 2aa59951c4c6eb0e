package dev.listening.stack.spark;

import dev.listening.stack.net.HostPort;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkMasterStateTest {
    /** Trimmed from a Spark 3.5.4 master's /json/ with worker 2 stopped and then started again. */
    private static final String JSON = """
            {"url":"spark://127.0.0.1:39077","workers":[
              {"id":"worker-1","host":"127.0.0.1","port":37195,"webuiaddress":"http://127.0.0.1:39081","cores":1,"coresused":1,
               "coresfree":0,"memory":1024,"memoryused":768,"memoryfree":256,"resources":{},"resourcesused":{},"state":"ALIVE",
               "lastheartbeat":1763925197000},
              {"id":"worker-2","host":"127.0.0.1","port":33361,"webuiaddress":"http://127.0.0.1:39082","cores":1,"coresused":0,
               "memory":1024,"memoryused":0,"state":"DEAD"},
              {"id":"worker-3","host":"127.0.0.1","port":40001,"webuiaddress":"http://127.0.0.1:39082","cores":1,"coresused":0,
               "memory":1024,"memoryused":0,"state":"ALIVE"}],
             "aliveworkers":2,"cores":3,"coresused":1,"memory":3072,"memoryused":768,"resources":[],"resourcesused":[],
             "activeapps":[{"id":"app-1","starttime":1,"name":"listening-streamer","cores":1,"user":"root","state":"RUNNING"}],
             "completedapps":[],"activedrivers":[],"completeddrivers":[],"status":"ALIVE"}
            """;

    @Test
    void readsStatusWorkersAndApplications() throws Exception {
        SparkMasterState state = SparkMasterState.parse(JSON);

        assertTrue(state.alive());
        assertEquals("spark://127.0.0.1:39077", state.url());
        assertEquals(List.of("worker-1", "worker-3"), state.aliveWorkers().stream().map(SparkMasterState.Worker::id).toList());
        assertEquals(List.of("app-1 listening-streamer"), state.activeApps());
        SparkMasterState.Worker first = state.workers().get(0);
        assertEquals(768, first.memoryUsedMb());
        assertEquals(1, first.coresUsed());
    }

    @Test
    void aWorkerIsItsLatestRegistrationAtItsUiPort() throws Exception {
        SparkMasterState state = SparkMasterState.parse(JSON);

        assertEquals("worker-3", state.worker(new HostPort("127.0.0.1", 39082)).orElseThrow().id());
        assertTrue(state.worker(new HostPort("127.0.0.1", 39082)).orElseThrow().alive());
        assertFalse(state.worker(new HostPort("127.0.0.1", 39083)).isPresent());
    }

    @Test
    void aRestartedWorkerIsItsAliveRegistrationWhereverTheMasterListsIt() throws Exception {
        String dead = """
                {"id":"worker-20261207050101-127.0.0.1-40001","host":"127.0.0.1","port":40001,
                 "webuiaddress":"http://127.0.0.1:39081","state":"DEAD"}""";
        String alive = """
                {"id":"worker-20261207050112-127.0.0.1-40002","host":"127.0.0.1","port":40002,
                 "webuiaddress":"http://127.0.0.1:39081","state":"ALIVE"}""";
        HostPort ui = new HostPort("127.0.0.1", 39081);
        for (String workers : List.of(dead + "," + alive, alive + "," + dead)) {
            SparkMasterState state = SparkMasterState.parse("{\"status\":\"ALIVE\",\"workers\":[" + workers + "]}");
            assertEquals("worker-20261207050112-127.0.0.1-40002", state.worker(ui).orElseThrow().id(), workers);
        }
        SparkMasterState stopped = SparkMasterState.parse("{\"status\":\"ALIVE\",\"workers\":[" + dead + "]}");
        assertFalse(stopped.worker(ui).orElseThrow().alive(), "a stopped worker is its DEAD registration");
    }
}
