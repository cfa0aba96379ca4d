namespace FunctionsZone.Core;
