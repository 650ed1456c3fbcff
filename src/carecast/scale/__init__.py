"""carecast.scale: scanning archives of past posts at scale, on Dask."""
