// Every test here runs two or three silo processes that keep both cores of a CI machine busy for
// seconds; run side by side they would only slow each other down and stretch the timings the
// tests rely on (a silo is declared dead after 3 s of silence). So they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
