namespace Portal.Tests.Core;
