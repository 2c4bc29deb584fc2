package io.gcam.rest.internal;

import io.gcam.core.Actor;
import io.gcam.rest.ActorView;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/** Maps actors to their JSON view. */
@Mapper
public interface ActorViewMapper {

    /** The generated mapper. */
    ActorViewMapper INSTANCE = Mappers.getMapper(ActorViewMapper.class);

    /**
     * @param actor an actor
     * @return its view
     */
    ActorView toView(Actor actor);
}
