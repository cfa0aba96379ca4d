using System.Runtime.CompilerServices;

// The bench (fz bench) writes the storage ceiling with exactly the entities the observation store writes (ObservationEntity).
[assembly: InternalsVisibleTo("FunctionsZone.Bench")]
// The tests check fzSeries' layout (SeriesSummary.Buckets) against what is stored.
[assembly: InternalsVisibleTo("FunctionsZone.Integration.Tests")]
