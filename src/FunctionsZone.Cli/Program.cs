namespace FunctionsZone.Core;
return 0;
