package dev.listening.streamer;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.Schedulable;
import org.apache.spark.scheduler.SchedulingMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SchedulerPoolsTest {
    @Test
    void sparkReadsThePoolsTheHistoryNeedyAndWeightedFourToOne() {
        SparkConf conf = new SparkConf().setMaster("local[1]").setAppName("pools-test").set("spark.ui.enabled", "false");
        SchedulerPools.configure(conf);
        SparkContext context = new SparkContext(conf);
        try {
            Schedulable history = context.getPoolForName(SchedulerPools.HISTORY).get();
            Schedulable rollups = context.getPoolForName(SchedulerPools.ROLLUPS).get();

            assertEquals(SchedulingMode.FAIR(), context.getSchedulingMode());
            assertEquals(Integer.MAX_VALUE, history.minShare());
            assertEquals(4, history.weight());
            assertEquals(0, rollups.minShare());
            assertEquals(1, rollups.weight());
        } finally {
            context.stop();
        }
    }

    @Test
    void aSchedulerModeGivenToSparkSubmitIsLeftAlone() {
        SparkConf conf = new SparkConf(false).set("spark.scheduler.mode", "FIFO");

        SchedulerPools.configure(conf);

        assertEquals("FIFO", conf.get("spark.scheduler.mode"));
        assertFalse(conf.contains("spark.scheduler.allocation.file"));
    }
}
