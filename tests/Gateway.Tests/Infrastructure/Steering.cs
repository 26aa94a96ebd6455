namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>Drives a test client's player toward the nearest orb until it has scored.</summary>
public static class Steering
{
    public static async Task<(long Seq, int Score)> CollectOrbAsync(TestClient client, JoinResult joined, long seq, TimeSpan timeout)
    {
        var orbs = joined.Orbs.ToDictionary(o => o.Id, o => (o.X, o.Y));
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var snapshot = await client.WaitForSnapshotAsync(_ => true);
            foreach (var orb in snapshot.Orbs ?? [])
            {
                orbs[orb.Id] = (orb.X, orb.Y);
            }

            var me = snapshot.Players.Single(p => p.PlayerId == client.PlayerId);
            if (me.Score > 0)
            {
                await client.SendInputAsync(++seq, 0, 0);
                return (seq, me.Score);
            }

            var target = orbs.Values.MinBy(o => (o.X - me.X) * (o.X - me.X) + (o.Y - me.Y) * (o.Y - me.Y));
            var (dx, dy) = (target.X - me.X, target.Y - me.Y);
            var length = Math.Sqrt(dx * dx + dy * dy);
            if (length > 0.001)
            {
                await client.SendInputAsync(++seq, dx / length, dy / length);
            }
        }

        throw new TimeoutException("the player did not collect an orb in time");
    }
}
