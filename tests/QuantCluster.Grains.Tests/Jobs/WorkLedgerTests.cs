using System.Net;
using Orleans.Runtime;
using QuantCluster.Grains.Jobs;

namespace QuantCluster.Grains.Tests.Jobs;

public sealed class WorkLedgerTests
{
    private static readonly SiloAddress SiloA = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress SiloB = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);

    [Fact]
    public void Claims_hand_out_every_item_once_in_order_and_then_none()
    {
        var ledger = new WorkLedger(5);

        var items = Enumerable.Range(0, 5).Select(_ => ledger.Claim(SiloA)!.Value.Item).ToArray();

        Assert.Equal([0L, 1, 2, 3, 4], items);
        Assert.Null(ledger.Claim(SiloB));
        Assert.Equal(5, ledger.InFlight.Count);
    }

    [Fact]
    public void Done_items_below_the_watermark_collapse_into_it()
    {
        var ledger = new WorkLedger(6);
        for (int i = 0; i < 6; i++)
        {
            ledger.Claim(SiloA);
        }

        Assert.True(ledger.Complete(2));
        Assert.True(ledger.Complete(0));
        Assert.Equal(1, ledger.DoneBelow);
        Assert.Equal([2L], ledger.DoneAbove);
        Assert.True(ledger.Complete(1));

        Assert.Equal(3, ledger.DoneBelow);
        Assert.Empty(ledger.DoneAbove);
        Assert.Equal(3, ledger.Done);
        Assert.False(ledger.IsComplete);
    }

    [Fact]
    public void An_item_completed_twice_counts_once()
    {
        var ledger = new WorkLedger(2);
        ledger.Claim(SiloA);

        Assert.True(ledger.Complete(0));
        Assert.False(ledger.Complete(0));
        Assert.Equal(1, ledger.Done);
    }

    [Fact]
    public void Items_of_a_dead_silo_are_handed_out_again_under_a_new_attempt_and_others_are_kept()
    {
        var ledger = new WorkLedger(4);
        Assert.Equal((0L, 1), ledger.Claim(SiloA));
        Assert.Equal((1L, 1), ledger.Claim(SiloB));
        Assert.Equal((2L, 1), ledger.Claim(SiloA));

        int released = ledger.ReleaseHeldBy(silo => silo.Equals(SiloA));

        Assert.Equal(2, released);
        Assert.Equal([1L], ledger.InFlight.Keys);
        Assert.Equal((0L, 2), ledger.Claim(SiloB));
        Assert.Equal((2L, 2), ledger.Claim(SiloB));
        Assert.Equal((3L, 1), ledger.Claim(SiloB));
    }

    [Fact]
    public void A_released_item_done_meanwhile_by_its_first_holder_is_not_handed_out_again()
    {
        var ledger = new WorkLedger(2);
        ledger.Claim(SiloA);
        ledger.ReleaseHeldBy(_ => true);

        Assert.True(ledger.Complete(0));

        Assert.Equal((1L, 1), ledger.Claim(SiloB));
        Assert.Null(ledger.Claim(SiloB));
    }

    [Fact]
    public void A_ledger_resumed_from_a_checkpoint_hands_out_only_what_was_not_done()
    {
        var ledger = new WorkLedger(6, doneBelow: 2, doneAbove: [4]);

        var items = new List<long>();
        while (ledger.Claim(SiloA) is var (item, _))
        {
            items.Add(item);
        }

        Assert.Equal([2L, 3, 5], items);
        Assert.Equal(3, ledger.Done);
    }

    [Fact]
    public void Clearing_forgets_the_work_in_flight_and_hands_out_nothing_more()
    {
        var ledger = new WorkLedger(3);
        ledger.Claim(SiloA);

        ledger.Clear();

        Assert.Empty(ledger.InFlight);
        Assert.Null(ledger.Claim(SiloA));
    }
}
