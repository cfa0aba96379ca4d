using System.Runtime.CompilerServices;

// fz bench writes the storage ceiling with exactly the entities the observation store writes (ObservationEntity).
[assembly: InternalsVisibleTo("fz")]
