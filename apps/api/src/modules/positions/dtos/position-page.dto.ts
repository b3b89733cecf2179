import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PositionModel } from '../position.model';

@ArgsType()
export class PositionsArgs {
  @Field(() => ID)
  @IsUUID()
  snapshotId: string;

  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1-500.' })
  @IsInt()
  @Min(1)
  @Max(500)
  first = 50;

  @Field(() => String, { nullable: true, description: 'Cursor from the previous page’s pageInfo.endCursor.' })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on title, department or external id.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  department?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class PositionPage {
  @Field(() => Int)
  totalCount: number;

  @Field(() => [PositionModel])
  nodes: PositionModel[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
