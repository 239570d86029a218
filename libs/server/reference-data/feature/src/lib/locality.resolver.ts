import { Args, Query, Resolver } from '@nestjs/graphql';
import { InvalidInputError } from '@denialmap/shared/errors';
import { LocalityObject, ZipLocalityObject } from './graphql/locality.object';
import { LocalityService } from './locality.service';
import { Public } from '@denialmap/server/core';

@Public()
@Resolver()
export class LocalityResolver {
  constructor(private readonly service: LocalityService) {}

  @Query(() => [LocalityObject], { description: 'Medicare localities with GPCIs for the date of service (default today), optionally of one state.' })
  localities(
    @Args('state', { type: () => String, nullable: true, description: 'Two-letter state code, e.g. CA.' }) state?: string | null,
    @Args('dateOfService', { type: () => String, nullable: true }) dateOfService?: string | null,
  ): Promise<LocalityObject[]> {
    return this.service.byState(state, dateOfService);
  }

  @Query(() => LocalityObject, { description: 'One locality, by id (MAC-locality, e.g. 01112-05) or by ZIP code.' })
  async locality(
    @Args('id', { type: () => String, nullable: true }) id?: string | null,
    @Args('zip', { type: () => String, nullable: true }) zip?: string | null,
    @Args('dateOfService', { type: () => String, nullable: true }) dateOfService?: string | null,
  ): Promise<LocalityObject> {
    if ((id ? 1 : 0) + (zip ? 1 : 0) !== 1) {
      throw new InvalidInputError(id ? 'zip' : 'id', 'Give exactly one of id (e.g. 01112-05) or zip.');
    }
    return id ? this.service.byId(id, dateOfService) : (await this.service.byZip(zip as string, dateOfService)).locality;
  }

  @Query(() => ZipLocalityObject, { description: 'A ZIP code: its locality, and whether CMS counts it urban, rural or super rural.' })
  zipLocality(
    @Args('zip', { type: () => String }) zip: string,
    @Args('dateOfService', { type: () => String, nullable: true }) dateOfService?: string | null,
  ): Promise<ZipLocalityObject> {
    return this.service.byZip(zip, dateOfService);
  }
}
