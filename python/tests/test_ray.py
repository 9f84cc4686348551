"""Ray Data on a local Ray: facts by map_batches and one merge, articles
by map_batches with the facts broadcast, equal to the CLI's."""

import ray

from conftest import by_id
from examples_path import example

ray_example = example("ray_clean")


def test_ray_cleans_the_samples_as_the_cli_does(samples, sample_articles):
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        articles = ray_example.clean_folder(str(samples))
    finally:
        ray.shutdown()
    assert by_id(articles) == by_id(sample_articles)
    assert [a["id"] for a in articles] == [a["id"] for a in sample_articles]
