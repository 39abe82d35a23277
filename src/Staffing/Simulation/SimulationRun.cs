namespace Moment.Staffing.Simulation;

/// <summary>
/// The state of one simulated day while it runs; <see cref="ContactCentreSimulation"/> describes the model.
/// Contacts are numbered in arrival order, so the contacts of one interval are one contiguous range.
/// </summary>
internal sealed class SimulationRun
{
    /// <summary>The most contacts one day may expect; beyond it the per-contact arrays would not fit in memory.</summary>
    internal const double MaxExpectedContacts = 100_000_000;

    private const int CompletionEvent = -1;
    private const int ReportEveryEvents = 1 << 14;

    // A contact's state is a set of flags; zero means still waiting.
    private const byte Answered = 1;
    private const byte Abandoned = 2;
    private const byte CallbackAccepted = 4;
    private const byte AnsweredInTime = 8;

    private readonly int intervalCount;
    private readonly double intervalSeconds;
    private readonly double[] arrivalRatesPerSecond;
    private readonly double[] handleMeansSeconds;
    private readonly int[] plan;
    private readonly bool logNormal;
    private readonly double[] logNormalLocations;
    private readonly double logNormalScale;
    private readonly double meanPatienceSeconds;
    private readonly CallbackOffer? callback;
    private readonly double answerWithinSeconds;

    private readonly Xoshiro256StarStar arrivalStream;
    private readonly Xoshiro256StarStar handleStream;
    private readonly Xoshiro256StarStar patienceStream;
    private readonly Xoshiro256StarStar callbackStream;
    private double spareNormal = double.NaN;

    // Completions (payload -1) and hang-ups (payload = contact), by time.
    private readonly PriorityQueue<int, double> events;
    private readonly WaitingLine line;

    private double[] arrivalTimes;
    private float[] waits;
    private byte[] states;
    private int contacts;

    private readonly int[] firstContact;
    private readonly double[] busyAgentSeconds;
    private readonly double[] staffedAgentSeconds;
    private readonly double[] queueContactSeconds;
    private readonly int[] longestQueue;

    private double now;
    private double nextArrival;
    private double nextBoundary;
    private int interval;
    private int staffed;
    private int busy;
    private int target;
    private int waiting;

    public SimulationRun(SimulationScenario scenario)
    {
        intervalCount = scenario.Forecast.Count;
        intervalSeconds = scenario.IntervalLength.TotalSeconds;
        arrivalRatesPerSecond = scenario.Forecast.Select(f => f.Contacts / intervalSeconds).ToArray();
        handleMeansSeconds = scenario.Forecast.Select(f => f.AverageHandleTime.TotalSeconds).ToArray();
        plan = [.. scenario.AgentsPerInterval];

        logNormal = scenario.HandleTimes.Shape == HandleTimeShape.LogNormal;
        var cv = scenario.HandleTimes.CoefficientOfVariation;
        var variance = Math.Log(1 + cv * cv);
        logNormalScale = Math.Sqrt(variance);
        logNormalLocations = handleMeansSeconds.Select(mean => Math.Log(mean) - variance / 2).ToArray();

        meanPatienceSeconds = scenario.AveragePatience?.TotalSeconds ?? double.PositiveInfinity;
        callback = scenario.Callback;
        answerWithinSeconds = scenario.AnswerWithin.TotalSeconds;

        arrivalStream = Xoshiro256StarStar.Stream(scenario.Seed, 0);
        handleStream = Xoshiro256StarStar.Stream(scenario.Seed, 1);
        patienceStream = Xoshiro256StarStar.Stream(scenario.Seed, 2);
        callbackStream = Xoshiro256StarStar.Stream(scenario.Seed, 3);

        var expected = scenario.ExpectedContacts;
        if (expected > MaxExpectedContacts)
            throw Require.Fail($"the forecast has {expected:0} contacts in one day; the simulation takes at most {MaxExpectedContacts:0}");
        var capacity = (int)(expected + 6 * Math.Sqrt(expected) + 64);
        arrivalTimes = new double[capacity];
        waits = new float[capacity];
        states = new byte[capacity];
        events = new PriorityQueue<int, double>(plan.Max() + 64);
        line = new WaitingLine(256);

        firstContact = new int[intervalCount + 1];
        busyAgentSeconds = new double[intervalCount];
        staffedAgentSeconds = new double[intervalCount];
        queueContactSeconds = new double[intervalCount];
        longestQueue = new int[intervalCount];
    }

    public SimulationResult Run(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(0);
        var dayLength = intervalCount * intervalSeconds;
        var reported = 0.0;
        OpenInterval(0);
        for (long step = 1; ; step++)
        {
            if (events.TryPeek(out var payload, out var at) && at < Math.Min(nextArrival, nextBoundary))
            {
                events.Dequeue();
                AdvanceTo(at);
                if (payload == CompletionEvent)
                    Complete();
                else
                    HangUp(payload);
            }
            else if (nextBoundary <= nextArrival)
            {
                if (double.IsPositiveInfinity(nextBoundary))
                    break;
                AdvanceTo(nextBoundary);
                if (interval + 1 < intervalCount)
                    OpenInterval(interval + 1);
                else
                    Close();
            }
            else
            {
                AdvanceTo(nextArrival);
                Arrive();
            }

            if (step % ReportEveryEvents == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var done = Math.Min(1, now / dayLength);
                if (progress is not null && done - reported >= 0.01)
                {
                    reported = done;
                    progress.Report(done);
                }
            }
        }
        var result = Summarise();
        progress?.Report(1);
        return result;
    }

    private void OpenInterval(int index)
    {
        interval = index;
        firstContact[index] = contacts;
        longestQueue[index] = waiting;
        nextBoundary = (index + 1) * intervalSeconds;
        SetTarget(plan[index]);
        nextArrival = DrawArrival();
    }

    private void Close()
    {
        interval = intervalCount;
        firstContact[intervalCount] = contacts;
        nextBoundary = double.PositiveInfinity;
        nextArrival = double.PositiveInfinity;
        if (target == 0)
            AbandonEveryoneWaiting();
    }

    private void AdvanceTo(double time)
    {
        if (interval < intervalCount)
        {
            var elapsed = time - now;
            busyAgentSeconds[interval] += busy * elapsed;
            staffedAgentSeconds[interval] += staffed * elapsed;
            queueContactSeconds[interval] += waiting * elapsed;
        }
        now = time;
    }

    private double DrawArrival()
    {
        var rate = arrivalRatesPerSecond[interval];
        if (rate == 0)
            return double.PositiveInfinity;
        // An arrival drawn past the boundary is dropped and redrawn there at the new rate; exponential gaps are
        // memoryless, so this is exactly the piecewise-constant Poisson process.
        var candidate = now + arrivalStream.NextExponential() / rate;
        return candidate < nextBoundary ? candidate : double.PositiveInfinity;
    }

    private void Arrive()
    {
        var contact = contacts++;
        if (contact == arrivalTimes.Length)
            Grow();
        arrivalTimes[contact] = now;
        var handleSeconds = DrawHandleSeconds();
        var patienceSeconds = double.IsPositiveInfinity(meanPatienceSeconds)
            ? double.PositiveInfinity
            : meanPatienceSeconds * patienceStream.NextExponential();

        if (busy < staffed)
        {
            StartService(contact, handleSeconds);
        }
        else
        {
            waiting++;
            if (AcceptsCallback())
            {
                states[contact] = CallbackAccepted;
            }
            else if (!double.IsPositiveInfinity(patienceSeconds))
            {
                events.Enqueue(contact, now + patienceSeconds);
            }
            line.Enqueue(contact, handleSeconds);
            longestQueue[interval] = Math.Max(longestQueue[interval], waiting);
        }
        nextArrival = DrawArrival();
    }

    private bool AcceptsCallback()
    {
        if (callback is null)
            return false;
        var expectedWaitSeconds = target > 0
            ? waiting * handleMeansSeconds[interval] / target
            : double.PositiveInfinity;
        return expectedWaitSeconds > callback.OfferWhenExpectedWaitExceeds.TotalSeconds
            && callbackStream.NextDouble() < callback.AcceptanceProbability;
    }

    private void StartService(int contact, double handleSeconds)
    {
        busy++;
        var wait = now - arrivalTimes[contact];
        waits[contact] = (float)wait;
        states[contact] |= wait <= answerWithinSeconds ? (byte)(Answered | AnsweredInTime) : Answered;
        events.Enqueue(CompletionEvent, now + handleSeconds);
    }

    private void Complete()
    {
        busy--;
        if (staffed > target)
            staffed--;
        else
            ServeQueue();
    }

    private void HangUp(int contact)
    {
        if ((states[contact] & (Answered | Abandoned)) != 0)
            return;
        states[contact] |= Abandoned;
        waits[contact] = (float)(now - arrivalTimes[contact]);
        waiting--;
    }

    private void SetTarget(int agents)
    {
        target = agents;
        if (staffed < target)
            staffed = target;
        else
            staffed -= Math.Min(staffed - busy, staffed - target);
        ServeQueue();
    }

    private void ServeQueue()
    {
        while (busy < staffed && waiting > 0)
        {
            var (contact, handleSeconds) = line.Dequeue();
            if ((states[contact] & Abandoned) != 0)
                continue;
            waiting--;
            StartService(contact, handleSeconds);
        }
    }

    private void AbandonEveryoneWaiting()
    {
        while (line.Count > 0)
        {
            var (contact, _) = line.Dequeue();
            if ((states[contact] & (Answered | Abandoned)) == 0)
                HangUp(contact);
        }
    }

    private double DrawHandleSeconds() => logNormal
        ? Math.Exp(logNormalLocations[interval] + logNormalScale * NextStandardNormal())
        : handleMeansSeconds[interval] * handleStream.NextExponential();

    /// <summary>Box–Muller: two independent standard normals per two uniforms, the second kept for the next call.</summary>
    private double NextStandardNormal()
    {
        if (!double.IsNaN(spareNormal))
        {
            var spare = spareNormal;
            spareNormal = double.NaN;
            return spare;
        }
        var radius = Math.Sqrt(-2 * Math.Log(1 - handleStream.NextDouble()));
        var angle = 2 * Math.PI * handleStream.NextDouble();
        spareNormal = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    private void Grow()
    {
        var size = checked(arrivalTimes.Length * 2);
        Array.Resize(ref arrivalTimes, size);
        Array.Resize(ref waits, size);
        Array.Resize(ref states, size);
    }

    private SimulationResult Summarise()
    {
        var sortedDay = waits.AsSpan(0, contacts).ToArray();
        Array.Sort(sortedDay);
        var day = Period(
            TimeSpan.Zero,
            intervalCount * intervalSeconds,
            0,
            contacts,
            busyAgentSeconds.Sum(),
            staffedAgentSeconds.Sum(),
            queueContactSeconds.Sum(),
            longestQueue.Max(),
            sortedDay);

        var intervals = new SimulatedPeriod[intervalCount];
        for (var k = 0; k < intervalCount; k++)
        {
            var first = firstContact[k];
            var count = firstContact[k + 1] - first;
            // The day's percentiles are taken, so each interval's waits can be sorted where they lie.
            Array.Sort(waits, first, count);
            intervals[k] = Period(
                TimeSpan.FromSeconds(k * intervalSeconds),
                intervalSeconds,
                first,
                count,
                busyAgentSeconds[k],
                staffedAgentSeconds[k],
                queueContactSeconds[k],
                longestQueue[k],
                waits.AsSpan(first, count));
        }
        return new SimulationResult(intervals, day);
    }

    private SimulatedPeriod Period(
        TimeSpan start,
        double lengthSeconds,
        int first,
        int count,
        double busySeconds,
        double staffedSeconds,
        double queueSeconds,
        int longest,
        ReadOnlySpan<float> sortedWaits)
    {
        int answered = 0, inTime = 0, abandoned = 0, callbacks = 0;
        foreach (var state in states.AsSpan(first, count))
        {
            answered += state & Answered;
            inTime += (state & AnsweredInTime) >> 3;
            abandoned += (state & Abandoned) >> 1;
            callbacks += (state & CallbackAccepted) >> 2;
        }
        return new SimulatedPeriod(
            Start: start,
            Length: TimeSpan.FromSeconds(lengthSeconds),
            Offered: count,
            Answered: answered,
            AnsweredWithinTarget: inTime,
            Abandoned: abandoned,
            CallbacksAccepted: callbacks,
            ServiceLevel: count == 0 ? 1 : (double)inTime / count,
            AbandonmentRate: count == 0 ? 0 : (double)abandoned / count,
            Occupancy: staffedSeconds > 0 ? busySeconds / staffedSeconds : 0,
            AverageStaffedAgents: staffedSeconds / lengthSeconds,
            AverageQueueLength: queueSeconds / lengthSeconds,
            LongestQueue: longest,
            Waits: WaitingTimes.FromSorted(sortedWaits));
    }
}
